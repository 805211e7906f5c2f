using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Cortex.Queue.Deploy.Tests.Support;

/// <summary>
/// A loopback HTTP server with just the Kubernetes REST semantics `cortex deploy/delete/get` rely on: GET of an object
/// (200 or 404), server-side apply by PATCH (201 on create; 200 with a new resourceVersion when the result
/// differs from the live object, the same one when it does not), DELETE (200 or 404), and the cluster-wide list that shows
/// whether KEDA's CRDs are installed. Objects are kept by URL path. No real cluster can run on this machine.
/// </summary>
public sealed class FakeKubernetesApiServer : IDisposable
{
    private const string KedaPrefix = "/apis/keda.sh/";

    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, JsonObject> _objects = new(StringComparer.Ordinal);
    private readonly List<RecordedRequest> _requests = [];
    private readonly Dictionary<string, string> _refused = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly Task _serving;
    private long _resourceVersion = 100;

    public FakeKubernetesApiServer(bool kedaInstalled = true)
    {
        KedaInstalled = kedaInstalled;
        var port = FreePort();
        Url = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add($"{Url}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public bool KedaInstalled { get; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Makes every apply to PATH fail as an admission webhook or a quota would: 422 with MESSAGE.</summary>
    public void RefuseApplies(string path, string message)
    {
        lock (_gate)
        {
            _refused[path] = message;
        }
    }

    public void ClearRequests()
    {
        lock (_gate)
        {
            _requests.Clear();
        }
    }

    public bool Contains(string path)
    {
        lock (_gate)
        {
            return _objects.ContainsKey(path);
        }
    }

    public JsonObject Get(string path)
    {
        lock (_gate)
        {
            return (JsonObject)_objects[path].DeepClone();
        }
    }

    /// <summary>Changes a live object as a controller would (KEDA scaling, the deployment controller's status), bumping its resourceVersion.</summary>
    public void Mutate(string path, Action<JsonObject> change)
    {
        lock (_gate)
        {
            var live = _objects[path];
            change(live);
            live["metadata"]!["resourceVersion"] = NextResourceVersion();
        }
    }

    /// <summary>A kubeconfig file whose current context points at this server.</summary>
    public string WriteKubeconfig(string folder)
    {
        var path = Path.Combine(folder, "kubeconfig");
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: fake
              cluster:
                server: {Url}
            users:
            - name: tester
              user:
                token: not-a-secret
            contexts:
            - name: fake
              context:
                cluster: fake
                user: tester
            current-context: fake
            """);
        return path;
    }

    public void Dispose()
    {
        if (!_listener.IsListening)
        {
            return;
        }
        _listener.Stop();
        _listener.Close();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // the listener throws from GetContextAsync when stopped; nothing is left to serve
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var path = context.Request.Url!.AbsolutePath;
            var query = context.Request.QueryString.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.QueryString[k]!);
            (int Status, JsonNode Body) answer;
            lock (_gate)
            {
                _requests.Add(new RecordedRequest(context.Request.HttpMethod, path, query, context.Request.ContentType, body));
                try
                {
                    answer = Handle(context.Request.HttpMethod, path, context.Request.ContentType, body);
                }
                catch (Exception exception)
                {
                    // A bug here must fail the test at once, not leave the client waiting for its timeout.
                    answer = (500, Status(500, "InternalError", exception.ToString()));
                }
            }
            var bytes = Encoding.UTF8.GetBytes(answer.Body.ToJsonString());
            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            context.Response.Close(bytes, willBlock: false);
        }
    }

    private (int, JsonNode) Handle(string method, string path, string? contentType, string body)
    {
        if (!KedaInstalled && path.StartsWith(KedaPrefix, StringComparison.Ordinal))
        {
            return NotFound(path);
        }
        switch (method)
        {
            case "GET" when path == $"{KedaPrefix}v1alpha1/scaledobjects":
                return (200, new JsonObject { ["apiVersion"] = "keda.sh/v1alpha1", ["kind"] = "ScaledObjectList", ["items"] = new JsonArray() });
            case "GET":
                return _objects.TryGetValue(path, out var live) ? (200, live.DeepClone()) : NotFound(path);
            case "PATCH" when _refused.TryGetValue(path, out var refusal):
                return (422, Status(422, "Invalid", refusal));
            case "PATCH" when contentType?.StartsWith("application/apply-patch+yaml", StringComparison.Ordinal) == true:
                return Apply(path, body);
            case "PATCH":
                return (415, Status(415, "UnsupportedMediaType", $"this fake server only implements server-side apply, not {contentType}"));
            case "DELETE":
                // Like the API server for an object without finalizers: gone at once, answered with its last state.
                return _objects.Remove(path, out var deleted) ? (200, deleted) : NotFound(path);
            default:
                return (405, Status(405, "MethodNotAllowed", method));
        }
    }

    private (int, JsonNode) Apply(string path, string body)
    {
        var applied = JsonNode.Parse(body)!.AsObject();
        if (!_objects.TryGetValue(path, out var live))
        {
            var created = (JsonObject)applied.DeepClone();
            created["metadata"]!["resourceVersion"] = NextResourceVersion();
            created["metadata"]!["generation"] = 1L;
            _objects[path] = created;
            return (201, created.DeepClone());
        }
        // The whole configuration is owned by the one field manager here, so the result is the applied object plus the
        // server-owned parts; the API server only writes (and bumps resourceVersion) when that result differs.
        var result = (JsonObject)applied.DeepClone();
        result["metadata"]!["resourceVersion"] = live["metadata"]!["resourceVersion"]!.DeepClone();
        result["metadata"]!["generation"] = live["metadata"]!["generation"]!.DeepClone();
        if (live["status"] is { } status)
        {
            result["status"] = status.DeepClone();
        }
        if (JsonNode.DeepEquals(result, live))
        {
            return (200, live.DeepClone());
        }
        var generation = long.Parse(live["metadata"]!["generation"]!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
        result["metadata"]!["resourceVersion"] = NextResourceVersion();
        result["metadata"]!["generation"] = generation + 1;
        _objects[path] = result;
        return (200, result.DeepClone());
    }

    private string NextResourceVersion() => (++_resourceVersion).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static (int, JsonNode) NotFound(string path) => (404, Status(404, "NotFound", $"{path} not found"));

    private static JsonObject Status(int code, string reason, string message) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["status"] = code < 300 ? "Success" : "Failure",
        ["reason"] = reason,
        ["message"] = message,
        ["code"] = code,
    };

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
