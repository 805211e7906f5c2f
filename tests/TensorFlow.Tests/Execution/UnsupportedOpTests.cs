using Cortex.Queue.Runtime;
using Cortex.Queue.TensorFlow.Execution;
using Cortex.Queue.TensorFlow.Tests.Fixtures;

namespace Cortex.Queue.TensorFlow.Tests.Execution;

public sealed class UnsupportedOpTests
{
    [FixtureFact]
    public void Loading_a_signature_with_ops_that_cannot_be_lowered_names_each_op_and_its_nodes()
    {
        var error = Assert.Throws<ModelLoadException>(() => TensorFlowModel.Load(FixturePaths.Model("mlnet_strings")));
        Assert.Contains("ReduceJoin (ReduceJoin); StringSplit (StringSplit)", error.Message, StringComparison.Ordinal);
        Assert.Contains("signature 'serving_default'", error.Message, StringComparison.Ordinal);
    }

    [FixtureFact]
    public void Every_unsupported_op_of_the_signature_is_listed_not_just_the_first()
    {
        var error = Assert.Throws<ModelLoadException>(() =>
            TensorFlowModel.Load(FixturePaths.Model("tfx_chicago_taxi_estimator"), new ModelLoadOptions { SignatureKey = "regression" }));
        foreach (var op in new[] { "ParseExampleV2", "LookupTableFindV2", "SparseSegmentSum", "StringToHashBucketFast" })
        {
            Assert.Contains(op, error.Message, StringComparison.Ordinal);
        }
    }

    [FixtureFact]
    public void Stateful_counter_signatures_are_refused_at_load_time()
    {
        var error = Assert.Throws<ModelLoadException>(() =>
            TensorFlowModel.Load(FixturePaths.Model("tfserving_counter"), new ModelLoadOptions { SignatureKey = "incr_counter" }));
        Assert.Contains("AssignAdd (incr_counter_op/AssignAdd)", error.Message, StringComparison.Ordinal);
    }
}
