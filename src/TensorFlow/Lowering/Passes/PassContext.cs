using Cortex.Queue.TensorFlow.Restore;

namespace Cortex.Queue.TensorFlow.Lowering.Passes;

/// <summary>What passes may consult besides the graph: the restored variables, and how to name the model in errors.</summary>
public sealed record PassContext(VariableBindings Variables, string ModelDescription);
