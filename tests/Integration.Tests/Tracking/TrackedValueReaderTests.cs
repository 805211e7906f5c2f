using Cortex.Queue.Config;
using Cortex.Queue.Worker.Tracking;

namespace Cortex.Queue.Integration.Tests.Tracking;

/// <summary>Cortex's rules for the value a tracker records from a response.</summary>
public sealed class TrackedValueReaderTests
{
    private static readonly TrackerConfig ClassByKey = new("class_index", TrackerModelType.Classification);
    private static readonly TrackerConfig WholeNumber = new(null, TrackerModelType.Regression);

    [Theory]
    [InlineData("""{"class_index": 2, "probabilities": [0.1, 0.2, 0.7]}""", "2")]
    [InlineData("""{"class_index": "iris-setosa"}""", "iris-setosa")]
    [InlineData("""{"class_index": -3}""", "-3")]
    public void A_classification_takes_a_string_or_an_integer_under_the_key(string response, string expected)
    {
        var tracked = TrackedValueReader.Read(ClassByKey, response);

        Assert.Equal(expected, tracked.Class);
        Assert.Null(tracked.Problem);
    }

    [Theory]
    [InlineData("""{"class_index": 2.5}""", "the value is the number 2.5")]
    [InlineData("""{"class_index": [2]}""", "the value is an array [2]")]
    [InlineData("""{"class_index": true}""", "the value is the boolean true")]
    [InlineData("""{"label": 2}""", "the response has no key 'class_index' (its keys: label)")]
    [InlineData("""[2]""", "the response is an array [2], not an object, so tracker.key 'class_index' cannot be read")]
    public void A_classification_value_of_another_kind_is_refused_saying_what_it_was(string response, string problem)
    {
        var tracked = TrackedValueReader.Read(ClassByKey, response);

        Assert.Null(tracked.Class);
        Assert.Equal(problem, tracked.Problem);
        Assert.Equal("a JSON object whose 'class_index' is a string or an integer (classification)", tracked.Expected);
    }

    [Fact]
    public void Without_a_key_the_whole_response_is_the_value()
    {
        Assert.Equal(4.25, TrackedValueReader.Read(WholeNumber, "4.25").Number);
        Assert.Equal(7, TrackedValueReader.Read(WholeNumber, "7").Number);
    }

    [Fact]
    public void A_regression_refuses_anything_but_a_number()
    {
        var tracked = TrackedValueReader.Read(WholeNumber, "\"4.25\"");

        Assert.Null(tracked.Number);
        Assert.Equal("the value is the string \"4.25\"", tracked.Problem);
        Assert.Equal("a response that is a number (regression)", tracked.Expected);
    }
}
