using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace Cortex.Queue.Handlers.Compilation;

/// <summary>
/// Compiles a handler's .cs files with Roslyn into an in-memory assembly. Results are kept by the hash of the
/// sources, so <c>cortex up</c> (which checks the handler, then starts its worker) and several APIs sharing one
/// handler compile it once.
/// </summary>
public static class HandlerCompiler
{
    /// <summary>
    /// Handlers are single files written like a script: these namespaces are in scope without a <c>using</c>, as the
    /// SDK's implicit usings would be in a project.
    /// </summary>
    public const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using System.Text.Json;
        global using System.Text.Json.Nodes;
        global using Cortex.Queue.Handlers;
        global using Cortex.Queue.Tensors;
        """;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly CSharpCompilationOptions Options = new(
        OutputKind.DynamicallyLinkedLibrary,
        optimizationLevel: OptimizationLevel.Release,
        nullableContextOptions: NullableContextOptions.Enable,
        concurrentBuild: false);

    private static readonly EmitOptions EmbeddedPdb = new(debugInformationFormat: DebugInformationFormat.Embedded);

    private static readonly ConcurrentDictionary<string, HandlerCompilation> Compiled = new(StringComparer.Ordinal);

    public static HandlerCompilation Compile(IReadOnlyList<HandlerSourceFile> sources)
    {
        var texts = sources.Select(source => (source, text: File.ReadAllText(source.FullPath))).ToArray();
        var key = HashOf(texts.Select(t => (t.source.DisplayPath, t.text)));
        if (Compiled.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var trees = texts
            .Select(t => CSharpSyntaxTree.ParseText(SourceText.From(t.text, Encoding.UTF8), ParseOptions, t.source.DisplayPath))
            .Append(CSharpSyntaxTree.ParseText(SourceText.From(ImplicitUsings, Encoding.UTF8), ParseOptions, "(implicit usings)"))
            .ToArray();
        var compilation = CSharpCompilation.Create($"Cortex.Queue.RequestHandler.{key[..16]}", trees, HandlerReferences.All, Options);

        using var image = new MemoryStream();
        // An embedded PDB costs little and gives a handler's stack traces their file and line ("in handler.cs:line 12").
        var emitted = compilation.Emit(image, options: EmbeddedPdb);
        var result = emitted.Success
            ? HandlerCompilation.Success(image.ToArray())
            : HandlerCompilation.Failure(emitted.Diagnostics
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
                .ThenBy(d => d.Location.SourceSpan.Start)
                .Select(Format)
                .ToArray());
        return Compiled.GetOrAdd(key, result);
    }

    /// <summary>The compiler's own format (<c>handler.cs:12:9: error CS1002: ; expected</c>), one-based like an editor.</summary>
    public static string Format(Diagnostic diagnostic)
    {
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        if (!diagnostic.Location.IsInSource)
        {
            return $"error {diagnostic.Id}: {message}";
        }
        var span = diagnostic.Location.GetLineSpan();
        return $"{span.Path}:{span.StartLinePosition.Line + 1}:{span.StartLinePosition.Character + 1}: error {diagnostic.Id}: {message}";
    }

    private static string HashOf(IEnumerable<(string Path, string Text)> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (path, text) in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(path));
            hash.AppendData([0]);
            hash.AppendData(Encoding.UTF8.GetBytes(text));
            hash.AppendData([0]);
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
