using Cortex.Queue.Tensors;

namespace Cortex.Queue.TensorFlow.Tests.Fixtures;

/// <summary>Compares tensors: same type and shape, values equal exactly or within a relative tolerance.</summary>
public static class TensorAssert
{
    public static void Equal(Tensor expected, Tensor actual, bool exact, double relativeTolerance = 1e-5, string? what = null)
    {
        var label = what is null ? string.Empty : what + ": ";
        Assert.True(expected.DataType == actual.DataType, $"{label}expected {expected.DataType} but got {actual.DataType}");
        Assert.True(expected.Shape.SequenceEqual(actual.Shape), $"{label}expected shape [{string.Join(",", expected.Shape)}] but got [{string.Join(",", actual.Shape)}]");
        if (exact || !expected.DataType.IsFloatingPoint())
        {
            Assert.Equal(expected.Data.Cast<object>(), actual.Data.Cast<object>());
            return;
        }
        var e = expected.Data.Cast<object>().Select(Convert.ToDouble).ToArray();
        var a = actual.Data.Cast<object>().Select(Convert.ToDouble).ToArray();
        for (var i = 0; i < e.Length; i++)
        {
            var allowed = relativeTolerance * Math.Max(1.0, Math.Abs(e[i]));
            Assert.True(Math.Abs(e[i] - a[i]) <= allowed, $"{label}element {i}: expected {e[i]} but got {a[i]} (tolerance {allowed})");
        }
    }
}
