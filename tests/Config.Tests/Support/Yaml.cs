namespace Cortex.Queue.Config.Tests.Support;

/// <summary>Small valid cortex.yaml texts that tests extend, with known line numbers.</summary>
public static class Yaml
{
    /// <summary>A deployment "shop" and one TensorFlow API "classifier"; six lines, so appended API keys start on line 7.</summary>
    public const string MinimalApi = """
        - kind: deployment
          name: shop
        - kind: api
          name: classifier
          tensorflow:
            model: models/mnist
        """;

    /// <summary><see cref="MinimalApi"/> with more lines of the same API appended (they start on line 7).</summary>
    public static string ApiWith(string moreApiLines) => MinimalApi + "\n" + moreApiLines;
}
