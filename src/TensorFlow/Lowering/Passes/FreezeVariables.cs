using Cortex.Queue.Runtime;
using Cortex.Queue.TensorFlow.Protos;
using Cortex.Queue.TensorFlow.Restore;
using Cortex.Queue.TensorFlow.Values;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.TensorFlow.Lowering.Passes;

/// <summary>
/// Replaces each variable the signature reads by a constant holding its restored value, and variable reads by
/// identities of that constant. A served model never writes its variables, so their values are fixed once loaded.
/// </summary>
public sealed class FreezeVariables : IGraphPass
{
    public void Run(SignatureGraph graph, PassContext context)
    {
        foreach (var node in graph.Nodes.ToList())
        {
            if (VariableOps.IsVariable(node.Op))
            {
                if (!context.Variables.TryGetCheckpointKey(node.Name, out _))
                {
                    throw new ModelLoadException(
                        $"signature '{graph.Signature.Key}' of {context.ModelDescription} reads variable '{node.Name}', which the SavedModel's restore op does not restore");
                }
                var type = node.Attribute("dtype")?.Type.WithoutReference() ?? DataType.DtInvalid;
                var name = node.Name;
                graph.FreezeVariable(node, type, new Lazy<Tensor>(() => Read(context, graph.Signature.Key, name)));
            }
            else if (node.Op == "ReadVariableOp")
            {
                node.Op = "Identity";
            }
        }
    }

    private static Tensor Read(PassContext context, string signatureKey, string variable)
    {
        try
        {
            return context.Variables.ReadValue(variable);
        }
        catch (Exception ex) when (ex is KeyNotFoundException or FileNotFoundException or InvalidDataException or NotSupportedException)
        {
            throw new ModelLoadException($"signature '{signatureKey}' of {context.ModelDescription} reads variable '{variable}': {ex.Message}", ex);
        }
    }
}
