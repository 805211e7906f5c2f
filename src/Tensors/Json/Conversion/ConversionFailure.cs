namespace Cortex.Queue.Tensors;

/// <summary>Why one JSON scalar could not become a tensor element; the error text is composed from it only on failure.</summary>
internal enum ConversionFailure
{
    None,
    WrongKind,
    NotIntegral,
    OutOfRange,
    InvalidBase64,
}
