using Cortex.Queue.TensorFlow.Variables;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.TensorFlow.Restore;

/// <summary>
/// Which checkpoint key restores each variable node, as the saver's restore op says, and the checkpoint to read
/// the values from. Values are read on demand, so unused variables (optimizer slots, metrics) cost nothing.
/// </summary>
public sealed class VariableBindings
{
    private readonly Dictionary<string, string> _keysByVariable;
    private readonly TensorBundleReader? _bundle;

    public VariableBindings(IReadOnlyDictionary<string, string> keysByVariable, TensorBundleReader? bundle)
    {
        _keysByVariable = new Dictionary<string, string>(keysByVariable, StringComparer.Ordinal);
        _bundle = bundle;
    }

    public static VariableBindings Empty { get; } = new(new Dictionary<string, string>(), null);

    /// <summary>Variable node name → checkpoint key.</summary>
    public IReadOnlyDictionary<string, string> CheckpointKeys => _keysByVariable;

    public bool TryGetCheckpointKey(string variableNode, out string key) => _keysByVariable.TryGetValue(variableNode, out key!);

    /// <summary>Reads the restored value of <paramref name="variableNode"/>; throws when the restore op does not assign it.</summary>
    public Tensor ReadValue(string variableNode)
    {
        if (!_keysByVariable.TryGetValue(variableNode, out var key))
        {
            throw new KeyNotFoundException($"variable '{variableNode}' is not assigned by the SavedModel's restore op");
        }
        if (_bundle is null)
        {
            throw new FileNotFoundException($"variable '{variableNode}' is restored from checkpoint key '{key}', but the SavedModel has no variables/ folder");
        }
        if (!_bundle.Contains(key))
        {
            throw new KeyNotFoundException($"variable '{variableNode}' is restored from checkpoint key '{key}', which the checkpoint does not contain");
        }
        return _bundle.ReadTensor(key);
    }
}
