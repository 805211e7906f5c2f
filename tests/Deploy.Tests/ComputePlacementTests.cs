using Cortex.Queue.Deploy.Keda;
using Cortex.Queue.Deploy.Rendering;
using Cortex.Queue.Deploy.Tests.Support;
using k8s.Models;

namespace Cortex.Queue.Deploy.Tests;

/// <summary>Each <c>compute</c>, <c>batching</c> and <c>autoscaling</c> key lands in the field Kubernetes or KEDA reads it from.</summary>
public sealed class ComputePlacementTests
{
    private const string Sized = """
          compute:
            min_replicas: 2
            max_replicas: 9
            init_replicas: 3
            target_cpu_utilization: 65
            cpu: 1500m
            mem: 2Gi
          batching:
            max_batch_size: 16
          autoscaling:
            target_queue_length: 40
        """;

    [Fact]
    public void Min_and_max_replicas_become_the_scaled_object_bounds()
    {
        var scaled = Assert.Single(TestConfigs.Render(TestConfigs.OneApi(Sized)).ScaledObjects);

        Assert.Equal(2, scaled.Spec.MinReplicaCount);
        Assert.Equal(9, scaled.Spec.MaxReplicaCount);
        Assert.Equal("worker-ranker", scaled.Spec.ScaleTargetRef.Name);
    }

    [Fact]
    public void Init_replicas_is_the_worker_deployments_starting_count()
    {
        Assert.Equal(3, Worker(TestConfigs.Render(TestConfigs.OneApi(Sized))).Spec.Replicas);
    }

    [Fact]
    public void Target_cpu_utilization_becomes_the_cpu_trigger_value()
    {
        var cpu = Trigger(TestConfigs.Render(TestConfigs.OneApi(Sized)), "cpu");

        Assert.Equal("Utilization", cpu.MetricType);
        Assert.Equal("65", cpu.Metadata["value"]);
    }

    [Fact]
    public void Cpu_and_mem_become_the_worker_containers_requests()
    {
        var requests = Worker(TestConfigs.Render(TestConfigs.OneApi(Sized))).Spec.Template.Spec.Containers[0].Resources.Requests;

        Assert.Equal("1500m", requests["cpu"].ToString());
        Assert.Equal("2Gi", requests["memory"].ToString());
    }

    [Fact]
    public void Without_mem_the_worker_requests_only_the_default_cpu()
    {
        var resources = Worker(TestConfigs.Render(TestConfigs.OneApi(""))).Spec.Template.Spec.Containers[0].Resources;

        Assert.Equal(["cpu"], resources.Requests.Keys);
        Assert.Equal("200m", resources.Requests["cpu"].ToString());
        Assert.Null(resources.Limits);
    }

    [Fact]
    public void Target_queue_length_becomes_the_rabbitmq_trigger_value_on_the_apis_queue()
    {
        var rabbit = Trigger(TestConfigs.Render(TestConfigs.OneApi(Sized)), "rabbitmq");

        Assert.Equal("40", rabbit.Metadata["value"]);
        Assert.Equal("predict-ranker", rabbit.Metadata["queueName"]);
        Assert.Equal("QueueLength", rabbit.Metadata["mode"]);
        Assert.Equal("http", rabbit.Metadata["protocol"]);
        Assert.Equal(ManifestNames.RabbitMqTriggerAuthenticationName, rabbit.AuthenticationRef?.Name);
    }

    [Fact]
    public void Target_queue_length_defaults_to_one_batch_per_replica()
    {
        var rabbit = Trigger(TestConfigs.Render(TestConfigs.OneApi("  batching:\n    max_batch_size: 12")), "rabbitmq");

        Assert.Equal("12", rabbit.Metadata["value"]);
    }

    [Fact]
    public void Min_replicas_zero_lets_keda_scale_the_worker_to_zero()
    {
        var manifests = TestConfigs.Render(TestConfigs.OneApi("  compute:\n    min_replicas: 0"));

        Assert.Equal(0, Assert.Single(manifests.ScaledObjects).Spec.MinReplicaCount);
        Assert.Equal(0, Worker(manifests).Spec.Replicas);
    }

    [Fact]
    public void A_gpu_sets_the_gpu_limit_the_gpu_image_and_the_gpu_toleration()
    {
        var pod = Worker(TestConfigs.Render(TestConfigs.OneApi("  compute:\n    gpu: 2"))).Spec.Template.Spec;
        var container = pod.Containers[0];

        Assert.Equal("2", container.Resources.Limits[ManifestNames.GpuResource].ToString());
        Assert.Equal(new RenderOptions().GpuWorkerImage, container.Image);
        var toleration = Assert.Single(pod.Tolerations);
        Assert.Equal((ManifestNames.GpuResource, "NoSchedule"), (toleration.Key, toleration.Effect));
    }

    [Fact]
    public void Without_a_gpu_the_worker_runs_the_cpu_image_with_no_toleration()
    {
        var pod = Worker(TestConfigs.Render(TestConfigs.OneApi(""))).Spec.Template.Spec;

        Assert.Equal(new RenderOptions().WorkerImage, pod.Containers[0].Image);
        Assert.Null(pod.Tolerations);
    }

    [Fact]
    public void An_s3_model_gives_the_worker_the_s3_credentials_secret_and_a_writable_model_cache()
    {
        var container = Worker(TestConfigs.Render(TestConfigs.OneApi(""))).Spec.Template.Spec.Containers[0];

        Assert.Equal(ManifestNames.S3SecretName, Assert.Single(container.EnvFrom).SecretRef.Name);
        Assert.Contains(container.VolumeMounts, mount => mount.MountPath == ManifestNames.ModelCacheDirectory);
        Assert.Contains(container.Env, env => env.Name == "CORTEX_API" && env.Value == "ranker");
        Assert.Contains(container.Env, env => env.Name == "CORTEX_RABBITMQ" && env.ValueFrom.SecretKeyRef.Name == ManifestNames.RabbitMqSecretName);
    }

    [Fact]
    public void The_ingress_listens_on_all_interfaces_and_is_probed_on_its_health_endpoints()
    {
        var ingress = TestConfigs.Render(TestConfigs.OneApi("")).Deployments[0].Spec.Template.Spec.Containers[0];

        Assert.Equal(["--urls", "http://0.0.0.0:8888"], ingress.Args);
        Assert.Equal("/readyz", ingress.ReadinessProbe.HttpGet.Path);
        Assert.Equal("/healthz", ingress.LivenessProbe.HttpGet.Path);
        Assert.Contains(ingress.Env, env => env.Name == "CORTEX_CONFIG" && env.Value == ManifestNames.ConfigPath);
    }

    [Fact]
    public void Without_a_compute_block_the_seed_defaults_land_in_the_scaled_object_and_the_worker()
    {
        var manifests = TestConfigs.Render(TestConfigs.OneApi(""));
        var scaled = Assert.Single(manifests.ScaledObjects);

        Assert.Equal((1, 100), (scaled.Spec.MinReplicaCount, scaled.Spec.MaxReplicaCount));
        Assert.Equal(1, Worker(manifests).Spec.Replicas);
        Assert.Equal("80", Trigger(manifests, "cpu").Metadata["value"]);
    }

    [Fact]
    public void Init_replicas_defaults_to_min_replicas()
    {
        Assert.Equal(4, Worker(TestConfigs.Render(TestConfigs.OneApi("  compute:\n    min_replicas: 4"))).Spec.Replicas);
    }

    [Theory]
    [InlineData("1", 1.0)]
    [InlineData("0.5", 0.5)]
    [InlineData("250m", 0.25)]
    public void Cpu_given_as_a_number_or_a_quantity_becomes_the_same_number_of_cores(string cpu, double cores)
    {
        var request = Worker(TestConfigs.Render(TestConfigs.OneApi($"  compute:\n    cpu: {cpu}"))).Spec.Template.Spec.Containers[0].Resources.Requests["cpu"];

        Assert.Equal((decimal)cores, request.ToDecimal());
    }

    private static V1Deployment Worker(RenderedManifests manifests) => Assert.Single(manifests.Deployments, d => d.Metadata.Name == "worker-ranker");

    private static ScaleTrigger Trigger(RenderedManifests manifests, string type) =>
        Assert.Single(Assert.Single(manifests.ScaledObjects).Spec.Triggers, t => t.Type == type);
}
