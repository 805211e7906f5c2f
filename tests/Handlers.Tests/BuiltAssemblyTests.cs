using Cortex.Queue.Handlers.Compilation;
using Cortex.Queue.Handlers.Loading;
using Cortex.Queue.Handlers.Tests.Support;

namespace Cortex.Queue.Handlers.Tests;

/// <summary>A handler built by the user's own project, given as <c>handler.dll</c> or <c>handler.dll:Namespace.Type</c>.</summary>
public sealed class BuiltAssemblyTests
{
    private const string TwoHandlers = """
        namespace Acme.Iris;

        public sealed class Upper : IPostInferenceHandler
        {
            public object? PostInference(JsonNode? prediction, ModelSignature signature, IReadOnlyDictionary<string, object?> metadata) => "UPPER";
        }

        public sealed class Lower : IPostInferenceHandler
        {
            public object? PostInference(JsonNode? prediction, ModelSignature signature, IReadOnlyDictionary<string, object?> metadata) => "lower";
        }
        """;

    [Fact]
    public async Task A_type_name_after_the_dll_picks_that_handler_class()
    {
        using var project = HandlerProject.Create("handler.dll:Acme.Iris.Lower");
        project.WithBytes("handler.dll", BuildAssembly(project, TwoHandlers));

        using var handler = RequestHandlerLoader.Load(project.Api)!;

        Assert.Equal("handler.dll", handler.DisplayName);
        Assert.Equal("\"lower\"", await handler.PostInferenceAsync("{}", Signatures.Iris, CancellationToken.None));
    }

    [Fact]
    public void A_dll_with_several_handler_classes_and_no_type_name_lists_them()
    {
        using var project = HandlerProject.Create("handler.dll");
        project.WithBytes("handler.dll", BuildAssembly(project, TwoHandlers));

        var problem = Assert.Single(RequestHandlerLoader.Check(project.Api));

        Assert.Contains("Acme.Iris.Upper", problem);
        Assert.Contains("Acme.Iris.Lower", problem);
        Assert.Contains("request_handler: handler.dll:Acme.Iris.", problem);
    }

    [Fact]
    public void A_type_name_the_dll_does_not_have_is_refused_with_the_names_it_has()
    {
        using var project = HandlerProject.Create("handler.dll:Acme.Iris.Middle");
        project.WithBytes("handler.dll", BuildAssembly(project, TwoHandlers));

        var problem = Assert.Single(RequestHandlerLoader.Check(project.Api));

        Assert.StartsWith("handler.dll has no type 'Acme.Iris.Middle'; its handler classes are: ", problem);
    }

    /// <summary>The user's build, stood in for by the same compiler: what matters is that the file is a plain .NET assembly.</summary>
    private static byte[] BuildAssembly(HandlerProject project, string source)
    {
        var path = Path.Combine(project.Folder, "src", "Handlers.cs");
        project.WithFile(Path.Combine("src", "Handlers.cs"), source);
        var compilation = HandlerCompiler.Compile([new HandlerSourceFile(path, "Handlers.cs")]);
        Assert.True(compilation.Succeeded, string.Join('\n', compilation.Errors));
        return compilation.Image!;
    }
}
