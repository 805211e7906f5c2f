using Cortex.Queue.Deploy.Tests.Support;
using k8s;
using k8s.Models;

namespace Cortex.Queue.Deploy.Tests;

/// <summary>`cortex deploy` (--render, and applying to a fake API server) and `cortex delete` run as a user runs them: the built CLI in its own process.</summary>
public sealed class DeployCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cortex-deploy-cli-").FullName;

    private const string TwoApis = """
        - kind: deployment
          name: shop

        - kind: api
          name: ranker
          onnx:
            model: s3://models/ranker.onnx
          compute:
            max_replicas: 5

        - kind: api
          name: recommender
          onnx:
            model: s3://models/recommender.onnx
          compute:
            min_replicas: 0
            gpu: 1
        """;

    [Fact]
    public void Render_on_a_config_with_two_apis_writes_the_objects_of_both()
    {
        File.WriteAllText(Path.Combine(_folder, "cortex.yaml"), TwoApis);
        var output = Path.Combine(_folder, "manifests");

        var (exitCode, stdout, stderr) = RunCli("deploy", _folder, "--render", output);

        Assert.True(exitCode == 0, $"exit {exitCode}\n{stdout}\n{stderr}");
        Assert.Equal(
            ["configmaps.yaml", "deployments.yaml", "namespace.yaml", "scaledobjects.yaml", "services.yaml", "triggerauthentications.yaml"],
            Directory.EnumerateFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["ingress", "tracker", "worker-ranker", "worker-recommender"], Names(output, "deployments.yaml"));
        Assert.Equal(["worker-ranker", "worker-recommender"], Names(output, "scaledobjects.yaml"));
        Assert.Contains("deployments.yaml", stdout, StringComparison.Ordinal);
        Assert.Contains("worker-ranker, worker-recommender", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Image_options_choose_the_images_and_a_gpu_api_gets_the_gpu_variant()
    {
        File.WriteAllText(Path.Combine(_folder, "cortex.yaml"), TwoApis);
        var output = Path.Combine(_folder, "manifests");

        var (exitCode, stdout, stderr) = RunCli("deploy", _folder, "--render", output, "--image-prefix", "registry.example/cortex", "--image-tag", "1.2.3");

        Assert.True(exitCode == 0, $"exit {exitCode}\n{stdout}\n{stderr}");
        var images = KubernetesYaml.LoadAllFromString(File.ReadAllText(Path.Combine(output, "deployments.yaml")))
            .Cast<V1Deployment>()
            .Select(d => d.Spec.Template.Spec.Containers[0].Image);
        Assert.Equal(["registry.example/cortex/ingress:1.2.3", "registry.example/cortex/tracker:1.2.3", "registry.example/cortex/worker:1.2.3", "registry.example/cortex/worker-gpu:1.2.3"], images);
    }

    [Fact]
    public void Config_errors_are_reported_with_their_location_and_nothing_is_written()
    {
        File.WriteAllText(Path.Combine(_folder, "cortex.yaml"), TwoApis.Replace("max_replicas: 5", "max_replica: 5", StringComparison.Ordinal));
        var output = Path.Combine(_folder, "manifests");

        var (exitCode, _, stderr) = RunCli("deploy", _folder, "--render", output);

        Assert.Equal(1, exitCode);
        Assert.Contains("apis[0].compute.max_replica", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Deploy_applies_to_the_kubeconfigs_cluster_and_delete_removes_it_again_reporting_each_object()
    {
        File.WriteAllText(Path.Combine(_folder, "cortex.yaml"), TwoApis);
        using var server = new FakeKubernetesApiServer();
        var kubeconfig = server.WriteKubeconfig(_folder);

        var (exitCode, stdout, stderr) = RunCli("deploy", _folder, "--kubeconfig", kubeconfig);

        Assert.True(exitCode == 0, $"exit {exitCode}\n{stdout}\n{stderr}");
        Assert.Contains("namespace/cortex-shop created", stdout, StringComparison.Ordinal);
        Assert.Contains("scaledobject/worker-recommender created", stdout, StringComparison.Ordinal);
        Assert.Contains("ranker: deployment started", stdout, StringComparison.Ordinal);
        Assert.Contains("recommender: deployment started", stdout, StringComparison.Ordinal);
        Assert.Contains("cortex-postgres", stdout, StringComparison.Ordinal);

        var (_, again, _) = RunCli("deploy", _folder, "--kubeconfig", kubeconfig);

        Assert.Contains("deployment/worker-ranker unchanged", again, StringComparison.Ordinal);
        Assert.Contains("ranker: is up-to-date", again, StringComparison.Ordinal);

        var (deleteExit, deleted, deleteError) = RunCli("delete", _folder, "--kubeconfig", kubeconfig);

        Assert.True(deleteExit == 0, $"exit {deleteExit}\n{deleted}\n{deleteError}");
        var lines = deleted.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("scaledobject/worker-ranker deleted", lines[0]);
        Assert.Equal("namespace/cortex-shop deleted", lines[^1]);
        Assert.Equal(11, lines.Length);
    }

    [Fact]
    public async Task Get_shows_the_replicas_kubernetes_reports_for_each_deployed_worker()
    {
        File.WriteAllText(Path.Combine(_folder, "cortex.yaml"), TwoApis);
        using var server = new FakeKubernetesApiServer();
        var kubeconfig = server.WriteKubeconfig(_folder);
        Assert.Equal(0, RunCli("deploy", _folder, "--kubeconfig", kubeconfig).Item1);
        server.Mutate("/apis/apps/v1/namespaces/cortex-shop/deployments/worker-ranker", live =>
        {
            live["spec"]!["replicas"] = 3;
            live["status"] = new System.Text.Json.Nodes.JsonObject { ["availableReplicas"] = 2 };
        });
        // The ingress's side of `cortex get` is tested against real ingresses in Integration.Tests; here only its
        // API list matters, so a loopback listener answers GET /apis with what an ingress of this deployment says.
        using var ingress = new System.Net.HttpListener();
        var port = FreeLoopbackPort();
        ingress.Prefixes.Add($"http://127.0.0.1:{port}/");
        ingress.Start();
        var answering = Task.Run(async () =>
        {
            while (ingress.IsListening)
            {
                System.Net.HttpListenerContext context;
                try
                {
                    context = await ingress.GetContextAsync();
                }
                catch (Exception exception) when (exception is System.Net.HttpListenerException or ObjectDisposedException)
                {
                    // Stopped by the test.
                    return;
                }
                var body = context.Request.Url!.AbsolutePath == "/apis"
                    ? """{"deployment":"shop","apis":[{"name":"ranker","endpoint":"/shop/ranker","workers":1},{"name":"recommender","endpoint":"/shop/recommender","workers":0}]}"""
                    : """{"error":"not here","request_id":"x"}""";
                context.Response.StatusCode = context.Request.Url!.AbsolutePath == "/apis" ? 200 : 404;
                var bytes = System.Text.Encoding.UTF8.GetBytes(body);
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        });

        var (exitCode, stdout, stderr) = RunCli("get", "--url", $"http://127.0.0.1:{port}", "--kubeconfig", kubeconfig);
        ingress.Stop();
        await answering;

        Assert.True(exitCode == 0, $"exit {exitCode}\n{stdout}\n{stderr}");
        var ranker = stdout.Split('\n').Single(line => line.TrimStart().StartsWith("ranker", StringComparison.Ordinal));
        var cells = ranker.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // api, status, requested, available: Kubernetes' 3 and 2, not the ingress's heartbeat count of 1.
        Assert.Equal("3", cells[2]);
        Assert.Equal("2", cells[3]);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public void Deploy_without_a_cluster_says_none_is_configured_and_how_to_render_instead()
    {
        File.WriteAllText(Path.Combine(_folder, "cortex.yaml"), TwoApis);
        var missing = Path.Combine(_folder, "no-kubeconfig");

        var (exitCode, _, stderr) = RunCli("deploy", _folder, "--kubeconfig", missing);

        Assert.Equal(1, exitCode);
        Assert.Contains("no Kubernetes cluster is configured", stderr, StringComparison.Ordinal);
        Assert.Contains("--render", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Deploy_with_no_kubeconfig_anywhere_says_no_cluster_is_configured_instead_of_trying_localhost()
    {
        File.WriteAllText(Path.Combine(_folder, "cortex.yaml"), TwoApis);
        var emptyHome = Directory.CreateDirectory(Path.Combine(_folder, "home")).FullName;

        var (exitCode, _, stderr) = ProcessRunner.Run("dotnet", [RepositoryLayout.CliAssembly, "deploy", _folder], _folder, TimeSpan.FromSeconds(60),
            new Dictionary<string, string?> { ["HOME"] = emptyHome, ["USERPROFILE"] = emptyHome, ["KUBECONFIG"] = null, ["KUBERNETES_SERVICE_HOST"] = null });

        Assert.Equal(1, exitCode);
        Assert.Contains("no Kubernetes cluster is configured", stderr, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(emptyHome, ".kube", "config"), stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("localhost", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Deploy_to_a_cluster_without_keda_says_to_install_keda()
    {
        File.WriteAllText(Path.Combine(_folder, "cortex.yaml"), TwoApis);
        using var server = new FakeKubernetesApiServer(kedaInstalled: false);

        var (exitCode, _, stderr) = RunCli("deploy", _folder, "--kubeconfig", server.WriteKubeconfig(_folder));

        Assert.Equal(1, exitCode);
        Assert.Contains("KEDA is not installed", stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static List<string> Names(string folder, string file) =>
        [.. KubernetesYaml.LoadAllFromString(File.ReadAllText(Path.Combine(folder, file)), KedaObjectTypes.Map, strict: true)
            .Cast<IKubernetesObject<V1ObjectMeta>>()
            .Select(o => o.Metadata.Name)];

    private (int, string, string) RunCli(params string[] arguments)
    {
        var cli = RepositoryLayout.CliAssembly;
        Assert.True(File.Exists(cli), $"{cli} is missing: build the CLI first (dotnet build src/Cli -c {RepositoryLayout.BuildConfiguration})");
        return ProcessRunner.Run("dotnet", [cli, .. arguments], _folder, TimeSpan.FromSeconds(60));
    }
}
