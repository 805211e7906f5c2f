namespace Cortex.Queue.Handlers.Compilation;

/// <summary>The result of compiling a handler: the assembly image, or the compiler's errors as <c>file:line:col: error CSxxxx: message</c>.</summary>
public sealed class HandlerCompilation
{
    private HandlerCompilation(byte[]? image, IReadOnlyList<string> errors)
    {
        Image = image;
        Errors = errors;
    }

    public byte[]? Image { get; }

    public IReadOnlyList<string> Errors { get; }

    public bool Succeeded => Image is not null;

    public static HandlerCompilation Success(byte[] image) => new(image, []);

    public static HandlerCompilation Failure(IReadOnlyList<string> errors) => new(null, errors);
}
