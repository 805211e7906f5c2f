// The Cortex.Queue dashboard: reads /apis and /apis/{api}/metrics and draws each API's charts as SVG.
// Plain JavaScript with no library, so the page works with no internet access and nothing to install.
// Every plotted mark carries data-series, data-start and data-value, so tests (and curious users) can
// read what was drawn straight from the DOM.
(function () {
  "use strict";

  const REFRESH_MS = 5000;
  const SVG = "http://www.w3.org/2000/svg";
  const WIDTH = 420, HEIGHT = 200;
  const MARGIN = { left: 46, right: 10, top: 10, bottom: 24 };
  const PALETTE = ["#2f6fdf", "#e8833a", "#2e9e5b", "#c9453b", "#8a5cc7", "#8c6d3f", "#d66bb0", "#6f7785", "#b5a82b", "#2bb3c0"];
  const WINDOWS = ["1m", "1h", "1d", "14d"];

  const windowSelect = document.getElementById("window");
  const apisElement = document.getElementById("apis");
  const problemElement = document.getElementById("problem");
  const updatedElement = document.getElementById("updated");
  let timer = null;

  const requested = new URLSearchParams(location.search).get("window");
  if (WINDOWS.includes(requested)) windowSelect.value = requested;
  windowSelect.addEventListener("change", () => {
    const url = new URL(location.href);
    url.searchParams.set("window", windowSelect.value);
    history.replaceState(null, "", url);
    refresh();
  });

  async function getJson(path) {
    const response = await fetch(path, { cache: "no-store" });
    if (!response.ok) {
      let reason = response.status + " " + response.statusText;
      try { reason = (await response.json()).error || reason; } catch (ignored) { /* not JSON: keep the status */ }
      throw new Error(path + ": " + reason);
    }
    return response.json();
  }

  async function refresh() {
    clearTimeout(timer);
    const window = windowSelect.value;
    try {
      const listing = await getJson("/apis");
      const metrics = await Promise.all(listing.apis.map(api =>
        getJson("/apis/" + encodeURIComponent(api.name) + "/metrics?window=" + window).catch(error => ({ error: error.message }))));
      document.getElementById("deployment").textContent = listing.deployment ? "· " + listing.deployment : "";
      renderApis(listing.apis, metrics);
      problemElement.hidden = true;
      updatedElement.textContent = "updated " + new Date().toLocaleTimeString() + " · every " + REFRESH_MS / 1000 + " s";
    } catch (error) {
      // Keep the last charts on screen: a restarting ingress should not blank the page.
      problemElement.textContent = "Cannot read the ingress (" + error.message + "); retrying every " + REFRESH_MS / 1000 + " s.";
      problemElement.hidden = false;
    } finally {
      timer = setTimeout(refresh, REFRESH_MS);
    }
  }

  function renderApis(apis, metrics) {
    apisElement.replaceChildren();
    if (apis.length === 0) {
      apisElement.append(element("p", { class: "muted" }, "No API is deployed."));
      return;
    }
    apis.forEach((api, index) => apisElement.append(renderApi(api, metrics[index])));
  }

  function renderApi(api, metrics) {
    const section = element("section", { class: "api", "data-api": api.name });
    const head = element("div", { class: "api-head" },
      element("h2", {}, api.name),
      element("span", { class: "muted" }, api.endpoint),
      element("span", { class: "muted" }, "workers: " + (api.workers ?? "-")),
      element("span", { class: "muted" }, api.tracker ? "tracked: " + api.tracker.model_type + (api.tracker.key ? " (" + api.tracker.key + ")" : "") : "not tracked"));
    section.append(head);
    if (!metrics || metrics.error) {
      section.append(element("p", { class: "muted" }, "No metrics: " + (metrics ? metrics.error : "none")));
      return section;
    }
    section.append(renderFigures(metrics));
    const charts = element("div", { class: "charts" });
    charts.append(requestChart(api.name, metrics), latencyChart(api.name, metrics), predictionChart(api.name, metrics));
    section.append(charts);
    return section;
  }

  function renderFigures(metrics) {
    const requests = metrics.requests, latency = metrics.latency_ms;
    const figure = (label, value) => element("span", {}, label + " ", element("b", {}, value));
    return element("div", { class: "figures" },
      figure("requests", String(requests.count)),
      figure("rate", number(requests.rate_per_second, 2) + "/s"),
      figure("2XX", String(requests.status["2XX"])),
      figure("4XX", String(requests.status["4XX"])),
      figure("5XX", String(requests.status["5XX"])),
      figure("latency avg", ms(latency.avg)),
      figure("p50", ms(latency.p50)),
      figure("p90", ms(latency.p90)),
      figure("p99", ms(latency.p99)));
  }

  function requestChart(apiName, metrics) {
    const perSecond = value => value / metrics.bucket_seconds;
    return lineChart(apiName, "requests", "Request rate (per second)", metrics, [
      { name: "all", color: PALETTE[0], value: bucket => perSecond(bucket.count) },
      { name: "errors", color: PALETTE[3], value: bucket => perSecond(bucket["4XX"] + bucket["5XX"]) },
    ]);
  }

  function latencyChart(apiName, metrics) {
    return lineChart(apiName, "latency", "Latency (ms)", metrics, [
      { name: "p50", color: PALETTE[2], value: bucket => bucket.latency_p50 },
      { name: "p90", color: PALETTE[1], value: bucket => bucket.latency_p90 },
      { name: "p99", color: PALETTE[3], value: bucket => bucket.latency_p99 },
    ]);
  }

  function predictionChart(apiName, metrics) {
    if (metrics.model_type === "classification") {
      return stackedChart(apiName, "predictions", "Predicted classes (per bucket)", metrics, (metrics.classes || []).map(entry => entry.class));
    }
    if (metrics.model_type === "regression") {
      return lineChart(apiName, "predictions", "Predicted value", metrics, [
        { name: "avg", color: PALETTE[0], value: bucket => bucket.value_avg },
        { name: "p50", color: PALETTE[4], value: bucket => bucket.value_p50 },
      ]);
    }
    return figureWith("Predictions", emptyChart(apiName, "predictions", "not tracked: add a tracker block to cortex.yaml"), []);
  }

  // One polyline per series, broken where a bucket has no value, with a circle on every value.
  function lineChart(apiName, chartName, title, metrics, series) {
    const buckets = metrics.series || [];
    const values = series.map(line => buckets.map(bucket => finite(line.value(bucket))));
    const top = niceCeiling(Math.max(0, ...values.flat().filter(value => value !== null)));
    const svg = frame(apiName, chartName, buckets, top, metrics);
    let points = 0;
    series.forEach((line, lineIndex) => {
      let path = "";
      let drawing = false;
      buckets.forEach((bucket, index) => {
        const value = values[lineIndex][index];
        if (value === null) { drawing = false; return; }
        const x = xOf(index, buckets.length), y = yOf(value, top);
        path += (drawing ? " L" : " M") + x.toFixed(1) + " " + y.toFixed(1);
        drawing = true;
        if (bucket.count > 0) {
          const dot = svgElement("circle", { cx: x, cy: y, r: 2.2, fill: line.color, "data-series": line.name, "data-start": bucket.start, "data-value": value });
          dot.append(svgElement("title", {}, time(bucket.start) + " " + line.name + ": " + number(value, 3)));
          svg.append(dot);
          points++;
        }
      });
      if (path) svg.insertBefore(svgElement("path", { d: path.trim(), fill: "none", stroke: line.color, "stroke-width": 1.5, "data-line": line.name }), svg.querySelector("circle"));
    });
    svg.setAttribute("data-points", points);
    return figureWith(title, svg, series.map(line => ({ name: line.name, color: line.color })));
  }

  // One bar per bucket, one coloured segment per class, so the mix of predictions over time shows at a glance.
  function stackedChart(apiName, chartName, title, metrics, classes) {
    const buckets = metrics.series || [];
    const totals = buckets.map(bucket => classes.reduce((sum, name) => sum + ((bucket.classes || {})[name] || 0), 0));
    const top = niceCeiling(Math.max(0, ...totals));
    const svg = frame(apiName, chartName, buckets, top, metrics);
    const slot = (WIDTH - MARGIN.left - MARGIN.right) / Math.max(1, buckets.length);
    const barWidth = Math.max(1, slot * 0.8);
    let points = 0;
    buckets.forEach((bucket, index) => {
      let base = 0;
      classes.forEach((name, classIndex) => {
        const count = (bucket.classes || {})[name] || 0;
        if (count <= 0) return;
        const y = yOf(base + count, top);
        const bar = svgElement("rect", {
          x: xOf(index, buckets.length) - barWidth / 2, y: y, width: barWidth, height: yOf(base, top) - y,
          fill: PALETTE[classIndex % PALETTE.length], "data-series": name, "data-start": bucket.start, "data-value": count,
        });
        bar.append(svgElement("title", {}, time(bucket.start) + " " + name + ": " + count));
        svg.append(bar);
        base += count;
        points++;
      });
    });
    svg.setAttribute("data-points", points);
    const counts = Object.fromEntries((metrics.classes || []).map(entry => [entry.class, entry.count]));
    return figureWith(title, svg, classes.map((name, classIndex) => ({ name: name + " (" + counts[name] + ")", color: PALETTE[classIndex % PALETTE.length] })));
  }

  // Axes, grid lines and time labels shared by every chart.
  function frame(apiName, chartName, buckets, top, metrics) {
    const svg = svgElement("svg", { class: "chart", viewBox: "0 0 " + WIDTH + " " + HEIGHT, "data-api": apiName, "data-chart": chartName, "data-window": metrics.window, role: "img" });
    for (let step = 0; step <= 4; step++) {
      const value = top * step / 4, y = yOf(value, top);
      svg.append(svgElement("line", { class: "grid", x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y, y2: y }));
      svg.append(svgElement("text", { x: MARGIN.left - 4, y: y + 3, "text-anchor": "end" }, number(value, 3)));
    }
    if (buckets.length > 0) {
      const labelled = [0, Math.floor((buckets.length - 1) / 2), buckets.length - 1];
      [...new Set(labelled)].forEach((index, position) => svg.append(svgElement("text", {
        x: xOf(index, buckets.length), y: HEIGHT - 6, "text-anchor": ["start", "middle", "end"][position],
      }, time(buckets[index].start, metrics.window))));
    }
    if (!buckets.some(bucket => bucket.count > 0)) {
      svg.append(svgElement("text", { class: "empty", x: WIDTH / 2, y: HEIGHT / 2, "text-anchor": "middle" }, "no requests in this window"));
    }
    return svg;
  }

  function emptyChart(apiName, chartName, message) {
    const svg = svgElement("svg", { class: "chart", viewBox: "0 0 " + WIDTH + " " + HEIGHT, "data-api": apiName, "data-chart": chartName, "data-points": 0 });
    svg.append(svgElement("text", { class: "empty", x: WIDTH / 2, y: HEIGHT / 2, "text-anchor": "middle" }, message));
    return svg;
  }

  function figureWith(title, svg, legend) {
    const figure = element("figure", {}, element("figcaption", {}, title), svg);
    if (legend.length > 0) {
      figure.append(element("div", { class: "legend" }, ...legend.map(entry =>
        element("span", {}, element("i", { style: "background:" + entry.color }), entry.name))));
    }
    return figure;
  }

  function xOf(index, count) {
    const plot = WIDTH - MARGIN.left - MARGIN.right;
    return MARGIN.left + (index + 0.5) * plot / Math.max(1, count);
  }

  function yOf(value, top) {
    const plot = HEIGHT - MARGIN.top - MARGIN.bottom;
    return MARGIN.top + plot - (value / top) * plot;
  }

  // The smallest 1, 2 or 5 times a power of ten at or above the largest value, so grid labels stay round.
  function niceCeiling(value) {
    if (!(value > 0)) return 1;
    const power = Math.pow(10, Math.floor(Math.log10(value)));
    for (const step of [1, 2, 5, 10]) {
      if (step * power >= value) return step * power;
    }
    return 10 * power;
  }

  function finite(value) {
    return typeof value === "number" && isFinite(value) ? value : null;
  }

  function number(value, digits) {
    if (value === null || value === undefined) return "-";
    return Number(value.toPrecision(Math.max(1, digits))).toString();
  }

  function ms(value) {
    return value === null || value === undefined ? "-" : number(value, 3) + " ms";
  }

  function time(iso, window) {
    const date = new Date(iso);
    const clock = date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: window === "1m" ? "2-digit" : undefined, hourCycle: "h23" });
    return window === "1d" || window === "14d" ? date.toLocaleDateString([], { month: "short", day: "numeric" }) + " " + clock : clock;
  }

  function element(name, attributes, ...children) {
    const node = document.createElement(name);
    Object.entries(attributes).forEach(([key, value]) => node.setAttribute(key, value));
    node.append(...children);
    return node;
  }

  function svgElement(name, attributes, text) {
    const node = document.createElementNS(SVG, name);
    Object.entries(attributes).forEach(([key, value]) => node.setAttribute(key, value));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  refresh();
})();
