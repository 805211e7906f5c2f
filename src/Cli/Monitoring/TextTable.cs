using System.Text;

namespace Cortex.Queue.Cli.Monitoring;

/// <summary>Left-aligned columns two spaces apart, as Cortex and kubectl print their tables.</summary>
public sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public TextTable Add(params string[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"a row of {cells.Length} cells in a table of {headers.Length} columns");
        }
        _rows.Add(cells);
        return this;
    }

    public void WriteTo(StringBuilder text, string indent = "")
    {
        var widths = headers.Select((header, column) => _rows.Select(row => row[column].Length).Append(header.Length).Max()).ToArray();
        WriteRow(text, indent, headers, widths);
        foreach (var row in _rows)
        {
            WriteRow(text, indent, row, widths);
        }
    }

    private static void WriteRow(StringBuilder text, string indent, string[] cells, int[] widths)
    {
        var line = new StringBuilder(indent);
        for (var column = 0; column < cells.Length; column++)
        {
            line.Append(column == cells.Length - 1 ? cells[column] : cells[column].PadRight(widths[column] + 2));
        }
        text.AppendLine(line.ToString().TrimEnd());
    }
}
