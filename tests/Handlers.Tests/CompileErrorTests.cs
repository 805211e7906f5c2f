using Cortex.Queue.Handlers.Loading;
using Cortex.Queue.Handlers.Tests.Support;

namespace Cortex.Queue.Handlers.Tests;

/// <summary>A handler that does not compile is reported the way a compiler reports it, file:line:column first.</summary>
public sealed class CompileErrorTests
{
    private const string MissingSemicolon = """
        public sealed class Labels : IPostInferenceHandler
        {
            public object? PostInference(JsonNode? prediction, ModelSignature signature, IReadOnlyDictionary<string, object?> metadata)
            {
                return prediction
            }
        }
        """;

    [Fact]
    public void A_missing_semicolon_is_reported_with_file_line_column_and_the_compilers_message()
    {
        using var project = HandlerProject.Create().WithFile("handler.cs", MissingSemicolon);

        var problems = RequestHandlerLoader.Check(project.Api);

        // Line 5 is "return prediction"; the compiler points just past its last character.
        var column = MissingSemicolon.Split('\n')[4].TrimEnd().Length + 1;
        Assert.Equal([$"handler.cs:5:{column}: error CS1002: ; expected"], problems);
    }

    [Fact]
    public void Loading_a_handler_that_does_not_compile_fails_with_the_same_message()
    {
        using var project = HandlerProject.Create().WithFile("handler.cs", MissingSemicolon);

        var exception = Assert.Throws<RequestHandlerLoadException>(() => RequestHandlerLoader.Load(project.Api));

        Assert.Equal(RequestHandlerLoader.Check(project.Api), exception.Problems);
        Assert.Contains("handler.cs:5:", exception.Message);
        Assert.Contains("error CS1002: ; expected", exception.Message);
    }

    [Fact]
    public void An_error_in_another_file_of_python_path_names_that_file()
    {
        using var project = HandlerProject.Create()
            .WithFile("handler.cs", """
                public sealed class Labels : IPostInferenceHandler
                {
                    public object? PostInference(JsonNode? prediction, ModelSignature signature, IReadOnlyDictionary<string, object?> metadata) =>
                        LabelBook.Name(0);
                }
                """)
            .WithFile(Path.Combine("lib", "LabelBook.cs"), """
                public static class LabelBook
                {
                    public static string Name(int index) => index.Lenght.ToString();
                }
                """);

        var problems = RequestHandlerLoader.Check(project.Api);

        var problem = Assert.Single(problems);
        Assert.StartsWith($"lib{Path.DirectorySeparatorChar}LabelBook.cs:3:", problem);
        Assert.Contains("error CS1061", problem);
        Assert.Contains("Lenght", problem);
    }

    [Fact]
    public void Helper_files_under_python_path_are_compiled_with_the_handler()
    {
        using var project = HandlerProject.Create()
            .WithFile("handler.cs", """
                public sealed class Labels : IPostInferenceHandler
                {
                    public object? PostInference(JsonNode? prediction, ModelSignature signature, IReadOnlyDictionary<string, object?> metadata) =>
                        Helpers.Shout("setosa");
                }
                """)
            .WithFile(Path.Combine("helpers", "Helpers.cs"), """
                public static class Helpers
                {
                    public static string Shout(string text) => text.ToUpperInvariant();
                }
                """)
            // Build output of the user's own IDE project must not be compiled in a second time.
            .WithFile(Path.Combine("obj", "Generated.cs"), "this is not C#");

        Assert.Empty(RequestHandlerLoader.Check(project.Api));
    }

    [Fact]
    public void A_file_without_a_handler_class_says_which_interfaces_to_implement()
    {
        using var project = HandlerProject.Create().WithFile("handler.cs", "public sealed class NotAHandler { }");

        var problem = Assert.Single(RequestHandlerLoader.Check(project.Api));

        Assert.Contains("handler.cs defines no class implementing IPreInferenceHandler, IPostInferenceHandler", problem);
    }

    [Fact]
    public void A_handler_without_a_parameterless_constructor_is_refused_with_the_reason()
    {
        using var project = HandlerProject.Create().WithFile("handler.cs", """
            public sealed class Labels(string prefix) : IPostInferenceHandler
            {
                public object? PostInference(JsonNode? prediction, ModelSignature signature, IReadOnlyDictionary<string, object?> metadata) => prefix;
            }
            """);

        var problem = Assert.Single(RequestHandlerLoader.Check(project.Api));

        Assert.Contains("class 'Labels' needs a public constructor without parameters", problem);
    }
}
