using Cortex.Queue.Config;
using Cortex.Queue.Deploy.Cluster;
using Cortex.Queue.Deploy.Rendering;
using Cortex.Queue.Deploy.Sources;
using Cortex.Queue.Deploy.Tests.Support;
using k8s;

namespace Cortex.Queue.Deploy.Tests;

/// <summary>
/// `cortex deploy` / `cortex delete` / `cortex get` against <see cref="FakeKubernetesApiServer"/>: the requests they send
/// (paths, server-side apply content type, field manager, force) and what they report. Not run against a real cluster.
/// </summary>
public sealed class ClusterApplyTests : IDisposable
{
    private const string Namespace = "/api/v1/namespaces/cortex-shop";
    private const string RankerWorker = "/apis/apps/v1/namespaces/cortex-shop/deployments/worker-ranker";
    private const string RankerScaledObject = "/apis/keda.sh/v1alpha1/namespaces/cortex-shop/scaledobjects/worker-ranker";

    private readonly string _folder = Directory.CreateTempSubdirectory("cortex-deploy-cluster-").FullName;
    private readonly FakeKubernetesApiServer _server = new();
    private readonly IKubernetes _client;

    public ClusterApplyTests() => _client = KubernetesConnection.Open(_server.WriteKubeconfig(_folder));

    [Fact]
    public async Task A_first_deploy_creates_every_object_by_server_side_apply_and_starts_each_api()
    {
        var (config, manifests) = TwoApis();

        var report = await new ManifestApplier(_client).ApplyAsync(config, manifests);

        Assert.All(report.Objects, item => Assert.Equal(ApplyOutcome.Created, item.Outcome));
        Assert.Equal(
        [
            "Namespace/cortex-shop", "ConfigMap/cortex-config", "Deployment/ingress", "Deployment/tracker", "Deployment/worker-ranker",
            "Deployment/worker-recommender", "Service/ingress", "Service/tracker", "TriggerAuthentication/rabbitmq-management",
            "ScaledObject/worker-ranker", "ScaledObject/worker-recommender",
        ], report.Objects.Select(o => $"{o.Kind}/{o.Name}"));
        Assert.Equal([("ranker", "deployment started"), ("recommender", "deployment started")], report.Apis.Select(a => (a.Api, a.Text)));

        var patches = _server.Requests.Where(r => r.Method == "PATCH").ToList();
        Assert.Equal(
        [
            Namespace, $"{Namespace}/configmaps/cortex-config", "/apis/apps/v1/namespaces/cortex-shop/deployments/ingress",
            "/apis/apps/v1/namespaces/cortex-shop/deployments/tracker", RankerWorker,
            "/apis/apps/v1/namespaces/cortex-shop/deployments/worker-recommender", $"{Namespace}/services/ingress", $"{Namespace}/services/tracker",
            "/apis/keda.sh/v1alpha1/namespaces/cortex-shop/triggerauthentications/rabbitmq-management", RankerScaledObject,
            "/apis/keda.sh/v1alpha1/namespaces/cortex-shop/scaledobjects/worker-recommender",
        ], patches.Select(p => p.Path));
        Assert.All(patches, patch =>
        {
            Assert.StartsWith("application/apply-patch+yaml", patch.ContentType, StringComparison.Ordinal);
            Assert.Equal("cortex", patch.Query["fieldManager"]);
            Assert.Equal("true", patch.Query["force"]);
        });
        Assert.Equal("ScaledObject", _server.Get(RankerScaledObject)["kind"]!.GetValue<string>());
        Assert.Equal(5, _server.Get(RankerScaledObject)["spec"]!["maxReplicaCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Deploying_the_same_config_again_reports_every_object_unchanged_and_each_api_up_to_date()
    {
        var (config, manifests) = TwoApis();
        await new ManifestApplier(_client).ApplyAsync(config, manifests);

        var again = await new ManifestApplier(_client).ApplyAsync(config, TwoApis().Manifests);

        Assert.All(again.Objects, item => Assert.Equal(ApplyOutcome.Unchanged, item.Outcome));
        Assert.Equal(["is up-to-date", "is up-to-date"], again.Apis.Select(a => a.Text));
    }

    [Fact]
    public async Task Changing_an_apis_bounds_updates_its_scaled_object_and_reports_the_api_updated()
    {
        await new ManifestApplier(_client).ApplyAsync(TwoApis().Config, TwoApis().Manifests);

        var (config, manifests) = TwoApis(rankerMaxReplicas: 8);
        var report = await new ManifestApplier(_client).ApplyAsync(config, manifests);

        Assert.Equal(ApplyOutcome.Updated, Outcome(report, "ScaledObject", "worker-ranker"));
        Assert.Equal(ApplyOutcome.Unchanged, Outcome(report, "ScaledObject", "worker-recommender"));
        Assert.Equal(ApplyOutcome.Unchanged, Outcome(report, "Namespace", "cortex-shop"));
        Assert.Equal(ApplyOutcome.Unchanged, Outcome(report, "Service", "ingress"));
        Assert.Equal("deployment updated", report.Apis.Single(a => a.Api == "ranker").Text);
        Assert.Equal(8, _server.Get(RankerScaledObject)["spec"]!["maxReplicaCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_redeploy_keeps_the_replica_count_keda_chose_instead_of_resetting_it_to_init_replicas()
    {
        await new ManifestApplier(_client).ApplyAsync(TwoApis().Config, TwoApis().Manifests);
        _server.Mutate(RankerWorker, live => live["spec"]!["replicas"] = 4);
        _server.ClearRequests();

        var report = await new ManifestApplier(_client).ApplyAsync(TwoApis().Config, TwoApis().Manifests);

        var patch = _server.Requests.Single(r => r.Method == "PATCH" && r.Path == RankerWorker);
        Assert.Equal(4, System.Text.Json.Nodes.JsonNode.Parse(patch.Body)!["spec"]!["replicas"]!.GetValue<int>());
        Assert.Equal(4, _server.Get(RankerWorker)["spec"]!["replicas"]!.GetValue<int>());
        Assert.Equal("is up-to-date", report.Apis.Single(a => a.Api == "ranker").Text);
    }

    [Fact]
    public async Task Without_keda_installed_the_deploy_applies_nothing_and_says_what_to_install()
    {
        using var server = new FakeKubernetesApiServer(kedaInstalled: false);
        using var client = KubernetesConnection.Open(server.WriteKubeconfig(Directory.CreateTempSubdirectory("cortex-deploy-nokeda-").FullName));
        var (config, manifests) = TwoApis();

        var error = await Assert.ThrowsAsync<ClusterOperationException>(() => new ManifestApplier(client).ApplyAsync(config, manifests));

        Assert.Contains("KEDA is not installed", error.Message, StringComparison.Ordinal);
        Assert.Contains("helm install keda", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Requests, r => r.Method == "PATCH");
    }

    [Fact]
    public async Task An_object_the_api_server_refuses_is_named_with_the_servers_reason()
    {
        _server.RefuseApplies(RankerWorker, "spec.template.spec.containers[0].resources.requests: exceeded quota: compute");
        var (config, manifests) = TwoApis();

        var error = await Assert.ThrowsAsync<ClusterOperationException>(() => new ManifestApplier(_client).ApplyAsync(config, manifests));

        Assert.Contains("Deployment cortex-shop/worker-ranker", error.Message, StringComparison.Ordinal);
        Assert.Contains("422 spec.template.spec.containers[0].resources.requests: exceeded quota: compute", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_removes_every_object_with_the_namespace_last_and_a_second_delete_finds_nothing()
    {
        await new ManifestApplier(_client).ApplyAsync(TwoApis().Config, TwoApis().Manifests);
        _server.ClearRequests();

        var deleted = await new ManifestDeleter(_client).DeleteAsync(TwoApis().Manifests);

        Assert.Equal(11, deleted.Count);
        Assert.All(deleted, item => Assert.Equal(DeleteOutcome.Deleted, item.Outcome));
        Assert.Equal(["ScaledObject", "ScaledObject"], deleted.Take(2).Select(d => d.Kind));
        Assert.Equal(("Namespace", "cortex-shop"), (deleted[^1].Kind, deleted[^1].Name));
        Assert.Equal(Namespace, _server.Requests.Last(r => r.Method == "DELETE").Path);
        Assert.False(_server.Contains(RankerWorker));

        var again = await new ManifestDeleter(_client).DeleteAsync(TwoApis().Manifests);

        Assert.All(again, item => Assert.Equal(DeleteOutcome.NotFound, item.Outcome));
    }

    [Fact]
    public async Task The_replica_reader_reports_requested_and_available_replicas_per_api_and_apis_not_deployed()
    {
        // Only the ranker was deployed; the config read back has gained the recommender since.
        var rankerOnly = TwoApis();
        await new ManifestApplier(_client).ApplyAsync(TestConfigs.Load(RankerOnlyYaml), TestConfigs.Render(RankerOnlyYaml));
        _server.Mutate(RankerWorker, live =>
        {
            live["spec"]!["replicas"] = 3;
            live["status"] = new System.Text.Json.Nodes.JsonObject { ["availableReplicas"] = 2 };
        });

        var replicas = await new ClusterReplicaReader(_client).ReadAsync(rankerOnly.Config);

        Assert.Equal(
        [
            new ApiReplicas("ranker", Deployed: true, Requested: 3, Available: 2),
            new ApiReplicas("recommender", Deployed: false, Requested: 0, Available: 0),
        ], replicas);
    }

    [Fact]
    public void A_missing_kubeconfig_is_reported_as_no_cluster_configured_with_the_way_out()
    {
        var missing = Path.Combine(_folder, "no-such-kubeconfig");

        var error = Assert.Throws<ClusterOperationException>(() => KubernetesConnection.Open(missing));

        Assert.Contains("no Kubernetes cluster is configured", error.Message, StringComparison.Ordinal);
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("--render", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cluster_counts_as_configured_only_when_its_kubeconfig_exists()
    {
        Assert.True(KubernetesConnection.IsConfigured(_server.WriteKubeconfig(_folder)));
        Assert.False(KubernetesConnection.IsConfigured(Path.Combine(_folder, "no-such-kubeconfig")));
    }

    [Fact]
    public async Task An_unreachable_api_server_is_named_in_the_error()
    {
        var url = _server.Url;
        var kubeconfig = _server.WriteKubeconfig(_folder);
        _server.Dispose();
        using var client = KubernetesConnection.Open(kubeconfig);

        var error = await Assert.ThrowsAsync<ClusterOperationException>(() => new ClusterReplicaReader(client).ReadAsync(TwoApis().Config));

        Assert.Contains($"could not reach the Kubernetes API server at {url}", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _client.Dispose();
        _server.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static ApplyOutcome Outcome(ApplyReport report, string kind, string name) =>
        report.Objects.Single(o => o.Kind == kind && o.Name == name).Outcome;

    private const string RankerOnlyYaml = """
        - kind: deployment
          name: shop

        - kind: api
          name: ranker
          onnx:
            model: s3://models/ranker.onnx
        """;

    private static (CortexConfig Config, RenderedManifests Manifests) TwoApis(int rankerMaxReplicas = 5)
    {
        var yaml = $"""
            - kind: deployment
              name: shop

            - kind: api
              name: ranker
              onnx:
                model: s3://models/ranker.onnx
              compute:
                max_replicas: {rankerMaxReplicas}

            - kind: api
              name: recommender
              onnx:
                model: s3://models/recommender.onnx
              compute:
                min_replicas: 0
            """;
        var config = TestConfigs.Load(yaml);
        return (config, ManifestRenderer.Render(config, new DeploymentSources(yaml, new Dictionary<string, string>(), [])));
    }
}
