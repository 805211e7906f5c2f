using System.Text.RegularExpressions;
using Cortex.Queue.Deploy.Rendering;
using Cortex.Queue.Deploy.Tests.Support;

namespace Cortex.Queue.Deploy.Tests;

/// <summary>
/// The images the manifests name: one multi-stage Dockerfile per image, each running as the uid the pods require and
/// carrying a health check. No image is built here (no Docker engine on the development machine); this reads the files.
/// </summary>
public sealed partial class DockerfileTests
{
    [Theory]
    [InlineData("ingress")]
    [InlineData("tracker")]
    [InlineData("worker")]
    [InlineData("worker-gpu")]
    public void Each_image_has_a_multi_stage_dockerfile_running_as_the_pods_non_root_uid_with_a_health_check(string image)
    {
        var path = Path.Combine(RepositoryLayout.Root, "deploy", "docker", $"{image}.Dockerfile");
        Assert.True(File.Exists(path), $"{path} is missing: the manifests name the image {new RenderOptions().ImagePrefix}/{image}");
        var lines = File.ReadAllLines(path).Where(line => !line.TrimStart().StartsWith('#')).ToList();

        Assert.True(lines.Count(line => line.StartsWith("FROM ", StringComparison.Ordinal)) >= 2, $"{image}: not multi-stage");
        Assert.Contains(lines, line => line.StartsWith("COPY --from=build ", StringComparison.Ordinal));
        var user = Assert.Single(lines, line => line.StartsWith("USER ", StringComparison.Ordinal));
        Assert.Equal($"USER {PodUid}:{PodUid}", user.Trim());
        Assert.Contains(lines, line => line.StartsWith("HEALTHCHECK ", StringComparison.Ordinal));
        Assert.True(File.Exists(path + ".dockerignore"), $"{image}: no {path}.dockerignore keeps bin/obj out of the build context");
    }

    [Fact]
    public void The_tracker_image_publishes_the_tracker_project_and_exposes_the_port_its_service_targets()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "deploy", "docker", "tracker.Dockerfile"));

        Assert.Matches(PublishTracker(), text);
        Assert.Contains($"EXPOSE {ManifestNames.TrackerPort}", text, StringComparison.Ordinal);
        Assert.Contains($"http://0.0.0.0:{ManifestNames.TrackerPort}", text, StringComparison.Ordinal);
    }

    private static long PodUid => CortexEnvironment.PodSecurity().RunAsUser!.Value;

    [GeneratedRegex(@"dotnet publish src/Tracker/Tracker\.csproj ")]
    private static partial Regex PublishTracker();
}
