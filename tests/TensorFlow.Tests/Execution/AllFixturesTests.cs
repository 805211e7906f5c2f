using Cortex.Queue.Runtime;
using Cortex.Queue.TensorFlow.Execution;
using Cortex.Queue.TensorFlow.Inspection;
using Cortex.Queue.TensorFlow.Tests.Fixtures;

namespace Cortex.Queue.TensorFlow.Tests.Execution;

/// <summary>Every signature of every fixture either loads or fails with a load error a user can read; nothing else escapes.</summary>
public sealed class AllFixturesTests
{
    [FixtureFact]
    public void Every_signature_of_every_fixture_loads_or_reports_a_model_load_error()
    {
        var outcomes = new List<string>();
        foreach (var fixture in Directory.GetDirectories(Path.Combine(FixturePaths.FixturesRoot!, "models")).Where(d => !d.EndsWith("LICENSES", StringComparison.Ordinal)).Order())
        {
            var report = new SavedModelInspector().Inspect(fixture);
            foreach (var signature in report.Signatures)
            {
                try
                {
                    using var model = TensorFlowModel.Load(fixture, new ModelLoadOptions { SignatureKey = signature.Key });
                    Assert.True(signature.IsServable, $"{Path.GetFileName(fixture)} '{signature.Key}' loaded although the inspector called it not servable");
                    outcomes.Add($"{Path.GetFileName(fixture)} {signature.Key}: loaded");
                }
                catch (ModelLoadException ex)
                {
                    Assert.False(signature.IsServable, $"{Path.GetFileName(fixture)} '{signature.Key}' failed although the inspector called it servable: {ex.Message}");
                    outcomes.Add($"{Path.GetFileName(fixture)} {signature.Key}: {ex.Message}");
                }
            }
        }
        Assert.True(outcomes.Count(o => o.EndsWith(": loaded", StringComparison.Ordinal)) >= 28, string.Join("\n", outcomes));
    }
}
