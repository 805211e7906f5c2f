using Cortex.Queue.Config;
using Cortex.Queue.Deploy.Output;
using Cortex.Queue.Deploy.Rendering;
using Cortex.Queue.Deploy.Sources;
using Cortex.Queue.Deploy.Tests.Support;

namespace Cortex.Queue.Deploy.Tests;

/// <summary>
/// The rendered manifests of the examples, compared file by file with tests/Deploy.Tests/Golden/EXAMPLE/.
/// After an intended change, regenerate with: CORTEX_UPDATE_GOLDEN=1 dotnet test tests/Deploy.Tests, and review the diff.
/// </summary>
public sealed class GoldenManifestTests
{
    private const string UpdateVariable = "CORTEX_UPDATE_GOLDEN";

    [Theory]
    [InlineData("iris-classifier")]
    [InlineData("iris-classifier-tensorflow")]
    public void Rendered_manifests_of_the_example_match_the_golden_files(string example)
    {
        var config = CortexConfigLoader.LoadOrThrow(RepositoryLayout.Example(example));
        var files = ManifestFiles.From(ManifestRenderer.Render(config, DeploymentSourcesReader.Read(config), new RenderOptions()));
        var golden = RepositoryLayout.GoldenFolder(example);

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(golden);
            foreach (var file in files)
            {
                File.WriteAllText(Path.Combine(golden, file.FileName), file.Yaml);
            }
        }

        Assert.Equal(
            files.Select(f => f.FileName).Order(StringComparer.Ordinal),
            Directory.EnumerateFiles(golden, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            var expected = File.ReadAllText(Path.Combine(golden, file.FileName)).ReplaceLineEndings("\n");
            Assert.True(expected == file.Yaml,
                $"{example}/{file.FileName} differs from the golden file; if the change is intended, run {UpdateVariable}=1 dotnet test tests/Deploy.Tests\n--- rendered:\n{file.Yaml}");
        }
    }
}
