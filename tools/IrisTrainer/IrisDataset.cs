using System.Globalization;

namespace Cortex.Queue.IrisTrainer;

/// <summary>Reads <c>iris.csv</c> (header, four measurements in cm, species name).</summary>
public static class IrisDataset
{
    /// <summary>Class order of the model's outputs: class_index 0, 1, 2 and the columns of probabilities.</summary>
    public static readonly IReadOnlyList<string> SpeciesNames = ["iris-setosa", "iris-versicolor", "iris-virginica"];

    public const int MeasurementCount = 4;

    public static IReadOnlyList<IrisSample> Load(string csvPath)
    {
        var lines = File.ReadAllLines(csvPath);
        var samples = new List<IrisSample>(lines.Length);
        for (var lineNumber = 2; lineNumber <= lines.Length; lineNumber++)
        {
            var line = lines[lineNumber - 1];
            if (line.Length == 0)
            {
                continue;
            }
            var fields = line.Split(',');
            if (fields.Length != MeasurementCount + 1)
            {
                throw new FormatException($"{csvPath}:{lineNumber}: expected {MeasurementCount + 1} columns, found {fields.Length}");
            }
            var measurements = fields[..MeasurementCount]
                .Select(f => float.Parse(f, NumberStyles.Float, CultureInfo.InvariantCulture))
                .ToArray();
            var species = SpeciesIndex(fields[MeasurementCount].Trim());
            if (species < 0)
            {
                throw new FormatException($"{csvPath}:{lineNumber}: unknown species '{fields[MeasurementCount]}'");
            }
            samples.Add(new IrisSample(measurements, species));
        }
        return samples;
    }

    private static int SpeciesIndex(string name)
    {
        for (var i = 0; i < SpeciesNames.Count; i++)
        {
            if (string.Equals(SpeciesNames[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }
}
