using System.Text;
using System.Text.Json;

namespace Cortex.Queue.Tensors;

/// <summary>
/// Collects string elements as text until the first <c>{"b64": ...}</c> byte string arrives, then switches the whole
/// tensor to byte strings (see <see cref="Tensor"/> for why the two representations exist).
/// </summary>
internal struct StringSink : IElementSink
{
    private static readonly byte[] Base64PropertyName = "b64"u8.ToArray();

    private readonly int _length;
    private readonly bool _materialize;
    private string[]? _texts;
    private byte[][]? _bytes;

    public StringSink(int length, bool materialize)
    {
        _length = length;
        _materialize = materialize;
        _texts = materialize ? new string[length] : null;
    }

    public readonly Array? Result => _bytes is not null ? _bytes : _texts;

    public bool TryWrite(JsonElement element, int index, out ConversionFailure failure)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            if (_materialize)
            {
                var text = element.GetString()!;
                if (_bytes is null)
                {
                    _texts![index] = text;
                }
                else
                {
                    _bytes[index] = Encoding.UTF8.GetBytes(text);
                }
            }
            failure = ConversionFailure.None;
            return true;
        }
        if (element.ValueKind != JsonValueKind.Object || !TryGetBase64Payload(element, out var payload))
        {
            failure = ConversionFailure.WrongKind;
            return false;
        }
        if (!payload.TryGetBytesFromBase64(out var decoded))
        {
            failure = ConversionFailure.InvalidBase64;
            return false;
        }
        if (_materialize)
        {
            if (_bytes is null)
            {
                SwitchToByteStrings(index);
            }
            _bytes![index] = decoded;
        }
        failure = ConversionFailure.None;
        return true;
    }

    /// <summary>True for an object that is exactly <c>{"b64": "&lt;string&gt;"}</c>.</summary>
    public static bool TryGetBase64Payload(JsonElement element, out JsonElement payload)
    {
        payload = default;
        var found = false;
        foreach (var property in element.EnumerateObject())
        {
            if (found || !property.NameEquals(Base64PropertyName) || property.Value.ValueKind != JsonValueKind.String)
            {
                return false;
            }
            payload = property.Value;
            found = true;
        }
        return found;
    }

    private void SwitchToByteStrings(int filledCount)
    {
        _bytes = new byte[_length][];
        for (var i = 0; i < filledCount; i++)
        {
            _bytes[i] = Encoding.UTF8.GetBytes(_texts![i]);
        }
        _texts = null;
    }
}
