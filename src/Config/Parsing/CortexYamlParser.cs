using Cortex.Queue.Config.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cortex.Queue.Config.Parsing;

/// <summary>Turns cortex.yaml text into one YAML node tree, reporting syntax errors, empty files and extra documents.</summary>
internal static class CortexYamlParser
{
    public static ParsedYaml? Parse(string yaml, ConfigErrorCollector errors)
    {
        var parser = new DuplicateKeyFilteringParser(new Parser(new StringReader(yaml)));
        var stream = new YamlStream();
        try
        {
            stream.Load(parser);
        }
        catch (YamlException exception)
        {
            // Past a syntax error the parser cannot say what the rest of the file means, so this is the only error.
            errors.Add(exception.Start, "", $"invalid YAML: {exception.Message}");
            return null;
        }

        if (stream.Documents.Count == 0 || IsEmptyDocument(stream.Documents[0].RootNode))
        {
            errors.Add(new Mark(0, 1, 1), "", "the file is empty; expected a list of resources starting with '- kind: deployment'");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            errors.Add(stream.Documents[1].RootNode.Start, "",
                $"expected one YAML document, found {stream.Documents.Count}; put every resource in one list");
        }

        return new ParsedYaml(stream.Documents[0].RootNode, parser.Duplicates);
    }

    private static bool IsEmptyDocument(YamlNode root) =>
        root is YamlScalarNode scalar && YamlScalars.IsNull(scalar);
}
