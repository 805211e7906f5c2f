#!/usr/bin/env python3
"""Simulates one day of traffic on one Cortex API scaled by KEDA + the HPA, minute by minute.

Writes docs/scaling/day.csv (every minute), docs/scaling/day.png (the plot) and prints the Markdown tables that
docs/scaling.md quotes. The rules and every number are explained in docs/scaling.md.

Run from the repository root (needs python3-matplotlib: `apt-get install python3-matplotlib`):
    /usr/bin/python3 tools/scaling-simulator/simulate.py
"""

import csv
import math
import os

import matplotlib

matplotlib.use("Agg")  # no display on servers and CI
import matplotlib.pyplot as plt  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "docs", "scaling")

# --- measured: docs/benchmarks.md, "LeNet-5 ONNX (MNIST)", transport "RabbitMQ, worker process", c = 64 ----------------
WORKER_REQ_PER_S = 1632.0        # queue req/s of one worker process at saturation
IN_FLIGHT_SECONDS = 0.0359       # queue p50 of that row (35.87 ms): how long a message stays unacked once delivered
MAX_BATCH_SIZE = 32              # the benchmark's batching; also the default target_queue_length

# --- the API's cortex.yaml ----------------------------------------------------------------------------------------------
MIN_REPLICAS = 0                 # compute.min_replicas: scale to zero at night
MAX_REPLICAS = 12                # compute.max_replicas
TARGET_QUEUE_LENGTH = MAX_BATCH_SIZE   # autoscaling.target_queue_length (default: one batch per replica)
TARGET_CPU = 80                  # compute.target_cpu_utilization

# --- Kubernetes / KEDA defaults (sources in docs/scaling.md) ------------------------------------------------------------
TOLERANCE = 0.10                 # HPA: no change while |metric / target - 1| <= 10 %
SCALE_DOWN_WINDOW_MIN = 5        # HPA scaleDown stabilizationWindowSeconds 300; scaleUp 0
COOLDOWN_MIN = 5                 # KEDA cooldownPeriod 300 s: idle this long before 1 -> 0
POD_START_MIN = 1                # assumption: a new worker pod serves one minute after it is requested


def load(minute):
    """Requests per second arriving at minute MINUTE of the day (the curve docs/scaling.md states)."""
    hour = minute / 60.0
    rate = 0.0
    if 6.0 <= hour < 22.0:
        rate = 9000.0 * math.sin(math.pi * (hour - 6.0) / 16.0) ** 2   # business day, peak 9000 req/s at 14:00
    if 11 * 60 + 30 <= minute < 11 * 60 + 45:
        rate += 12000.0                                                # a 15-minute flash crowd at 11:30
    if minute == 3 * 60:
        rate = 10.0                                                    # one nightly batch job: 600 requests at 03:00
    return rate


def hpa_proposal(current, metric_total, target):
    """ceil(metric / target) for an AverageValue metric, held at CURRENT inside the tolerance band."""
    if current > 0 and abs(metric_total / (current * target) - 1.0) <= TOLERANCE:
        return current
    return math.ceil(metric_total / target)


def simulate():
    rows = []
    requested = MIN_REPLICAS       # spec.replicas, what KEDA/HPA asked for
    starting = []                  # (minute ready, count) of pods still starting
    ready = 0
    backlog = 0.0                  # messages ready in the queue, not yet delivered
    recommendations = []           # HPA recommendations of the last SCALE_DOWN_WINDOW_MIN minutes
    idle_minutes = 0
    for minute in range(24 * 60):
        ready += sum(count for at, count in starting if at == minute)
        starting = [(at, count) for at, count in starting if at > minute]
        ready = min(ready, requested)  # scale-down removes pods at once

        rate = load(minute)
        arrived = rate * 60.0
        capacity = ready * WORKER_REQ_PER_S * 60.0
        served = min(backlog + arrived, capacity)
        backlog = backlog + arrived - served
        in_flight = served / 60.0 * IN_FLIGHT_SECONDS
        queue_metric = backlog + in_flight                 # protocol http: ready + unacknowledged
        cpu = 100.0 * served / capacity if capacity else 0.0

        queue_wants = hpa_proposal(requested, queue_metric, TARGET_QUEUE_LENGTH)
        cpu_wants = hpa_proposal(ready, ready * cpu, TARGET_CPU) if ready else 0
        wanted = max(queue_wants, cpu_wants)
        active = queue_metric > 0                           # activationValue 0
        idle_minutes = 0 if active else idle_minutes + 1

        if requested == 0:
            # KEDA, not the HPA, takes a deployment from 0 to 1 on the next poll where a trigger is active.
            new = 1 if active else 0
            recommendations = []
        else:
            wanted = min(max(wanted, 1, MIN_REPLICAS), MAX_REPLICAS)  # the HPA never goes below 1
            recommendations = (recommendations + [wanted])[-SCALE_DOWN_WINDOW_MIN:]
            new = wanted if wanted >= requested else max(recommendations)
            if MIN_REPLICAS == 0 and idle_minutes >= COOLDOWN_MIN:
                new = 0
        if new > requested:
            starting.append((minute + POD_START_MIN, new - requested))
        requested = new

        rows.append({
            "minute": minute,
            "time": f"{minute // 60:02d}:{minute % 60:02d}",
            "load_req_per_s": round(rate, 1),
            "ready_replicas": ready,
            "requested_replicas": requested,
            "served_req_per_s": round(served / 60.0, 1),
            "backlog_messages": round(backlog),
            "queue_metric": round(queue_metric),
            "cpu_percent": round(cpu, 1),
            "queue_trigger_wants": queue_wants,
            "cpu_trigger_wants": cpu_wants,
            # Time the last message in the backlog waits for a worker; None while no worker is ready (a cold start).
            "wait_seconds": round(backlog / (ready * WORKER_REQ_PER_S), 1) if ready else (None if backlog else 0.0),
        })
    return rows


def write_csv(rows):
    with open(os.path.join(OUT, "day.csv"), "w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, fieldnames=list(rows[0].keys()))
        writer.writeheader()
        writer.writerows(rows)


def plot(rows):
    hours = [row["minute"] / 60.0 for row in rows]
    figure, (traffic, replicas, queue) = plt.subplots(3, 1, figsize=(11, 9), sharex=True)
    traffic.plot(hours, [r["load_req_per_s"] for r in rows], label="arriving (req/s)", color="tab:blue")
    traffic.plot(hours, [r["ready_replicas"] * WORKER_REQ_PER_S for r in rows], label="capacity of ready workers (req/s)",
                 color="tab:green", linestyle="--")
    traffic.set_ylabel("requests / s")
    traffic.legend(loc="upper left")
    traffic.set_title(f"One simulated day: worker {WORKER_REQ_PER_S:.0f} req/s, replicas {MIN_REPLICAS}..{MAX_REPLICAS}, "
                      f"target queue length {TARGET_QUEUE_LENGTH}, target CPU {TARGET_CPU} %")
    replicas.step(hours, [r["requested_replicas"] for r in rows], where="post", label="requested (spec.replicas)", color="tab:orange",
                  linewidth=4, alpha=0.5)
    replicas.step(hours, [r["ready_replicas"] for r in rows], where="post", label="ready", color="tab:green")
    replicas.plot(hours, [r["load_req_per_s"] / WORKER_REQ_PER_S for r in rows], label="needed for throughput alone",
                  color="grey", linestyle=":")
    replicas.set_ylabel("worker replicas")
    replicas.legend(loc="upper left")
    queue.plot(hours, [r["backlog_messages"] for r in rows], label="backlog (ready messages)", color="tab:red")
    queue.plot(hours, [r["queue_metric"] for r in rows], label="KEDA's queue length (ready + unacked)", color="tab:purple",
               linestyle="--")
    queue.set_yscale("symlog", linthresh=100)
    queue.set_ylabel("messages")
    queue.set_xlabel("hour of the day")
    queue.legend(loc="upper left")
    queue.set_xticks(range(0, 25, 2))
    figure.tight_layout()
    figure.savefig(os.path.join(OUT, "day.png"), dpi=90)


def print_tables(rows):
    hourly = [r for r in rows if r["minute"] % 60 == 0]
    spike = [r for r in rows if 11 * 60 + 28 <= r["minute"] <= 12 * 60 + 5 and r["minute"] % 2 == 0]
    night = [r for r in rows if 2 * 60 + 59 <= r["minute"] <= 3 * 60 + 8]
    header = ("| time | load req/s | ready | requested | served req/s | backlog | KEDA queue length | CPU % "
              "| queue trigger wants | cpu trigger wants | wait s |\n|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
    for title, selected in (("Every hour", hourly), ("The flash crowd, every 2 minutes", spike), ("The 03:00 batch job", night)):
        print(f"\n#### {title}\n\n{header}")
        for r in selected:
            print(f"| {r['time']} | {r['load_req_per_s']:.0f} | {r['ready_replicas']} | {r['requested_replicas']} "
                  f"| {r['served_req_per_s']:.0f} | {r['backlog_messages']} | {r['queue_metric']} | {r['cpu_percent']:.0f} "
                  f"| {r['queue_trigger_wants']} | {r['cpu_trigger_wants']} | {'no worker yet' if r['wait_seconds'] is None else r['wait_seconds']} |")
    worker_minutes = sum(r["ready_replicas"] for r in rows)
    needed_minutes = sum(math.ceil(r["load_req_per_s"] / WORKER_REQ_PER_S) for r in rows)
    print(f"\nworker-minutes used: {worker_minutes}; minimum for throughput alone: {needed_minutes}; "
          f"peak backlog: {max(r['backlog_messages'] for r in rows)} messages; "
          f"longest wait: {max(r['wait_seconds'] for r in rows if r['wait_seconds'] is not None)} s; "
          f"minutes at max_replicas: {sum(1 for r in rows if r['requested_replicas'] == MAX_REPLICAS)}; "
          f"minutes at zero: {sum(1 for r in rows if r['requested_replicas'] == 0)}")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    day = simulate()
    write_csv(day)
    plot(day)
    print_tables(day)
