using Cortex.Queue.Deploy.Rendering;
using Cortex.Queue.Deploy.Tests.Support;
using k8s.Models;

namespace Cortex.Queue.Deploy.Tests;

/// <summary>The tracker's objects, and the server addresses every Cortex container takes from Secrets.</summary>
public sealed class TrackerAndServersTests
{
    private static readonly RenderedManifests Manifests = TestConfigs.Render(TestConfigs.OneApi(""));

    [Fact]
    public void The_tracker_runs_its_own_image_and_reads_rabbitmq_and_postgres_from_their_secrets()
    {
        var container = Tracker().Spec.Template.Spec.Containers.Single();

        Assert.Equal(new RenderOptions().TrackerImage, container.Image);
        Assert.Equal(
            [("CORTEX_RABBITMQ", ManifestNames.RabbitMqSecretName, ManifestNames.SecretUrlKey), ("CORTEX_POSTGRES", ManifestNames.PostgresSecretName, ManifestNames.PostgresSecretKey)],
            container.Env.Select(e => (e.Name, e.ValueFrom.SecretKeyRef.Name, e.ValueFrom.SecretKeyRef.Key)));
        Assert.True(Tracker().Spec.Template.Spec.SecurityContext.RunAsNonRoot);
    }

    [Fact]
    public void The_tracker_service_selects_exactly_the_tracker_pods_on_the_trackers_port()
    {
        var service = Assert.Single(Manifests.Services, s => s.Metadata.Name == ManifestNames.TrackerName);
        var podLabels = Tracker().Spec.Template.Metadata.Labels;

        Assert.All(service.Spec.Selector, label => Assert.Equal(label.Value, podLabels[label.Key]));
        Assert.Equal(ManifestNames.TrackerPort, Assert.Single(service.Spec.Ports).Port);
        Assert.Equal(ManifestNames.TrackerPort, Assert.Single(Tracker().Spec.Template.Spec.Containers[0].Ports).ContainerPort);
        Assert.DoesNotContain(Manifests.Deployments, d => d.Metadata.Name != ManifestNames.TrackerName
            && service.Spec.Selector.All(label => d.Spec.Template.Metadata.Labels.TryGetValue(label.Key, out var value) && value == label.Value));
    }

    [Fact]
    public void The_ingress_and_the_workers_read_the_postgres_connection_string_from_its_secret()
    {
        foreach (var name in new[] { ManifestNames.IngressName, "worker-ranker" })
        {
            var env = Manifests.Deployments.Single(d => d.Metadata.Name == name).Spec.Template.Spec.Containers[0].Env;

            var postgres = Assert.Single(env, e => e.Name == "CORTEX_POSTGRES");
            Assert.Equal((ManifestNames.PostgresSecretName, ManifestNames.PostgresSecretKey), (postgres.ValueFrom.SecretKeyRef.Name, postgres.ValueFrom.SecretKeyRef.Key));
            Assert.Null(postgres.Value);
        }
    }

    private static V1Deployment Tracker() => Assert.Single(Manifests.Deployments, d => d.Metadata.Name == ManifestNames.TrackerName);
}
