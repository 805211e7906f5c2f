using Cortex.Queue.Contracts;
using Npgsql;

namespace Cortex.Queue.Storage.Tests;

/// <summary>The tracker's own binary COPY encoding: every column lands in PostgreSQL exactly as the event held it.</summary>
public sealed class PostgresCopyTests
{
    [PostgresFact]
    public async Task Every_column_is_stored_as_the_event_held_it_including_nulls_non_ascii_text_and_microseconds()
    {
        using var database = new PostgresTestDatabase();
        using var store = new PostgresPredictionStore(database.DataSource);
        var at = new DateTimeOffset(2026, 11, 27, 19, 20, 21, TimeSpan.Zero).AddTicks(1234567); // .1234567 s: kept to the microsecond
        var withClass = new PredictionServed("clasificación", "tienda", "id-ü-1", at, 200, 3.25, 0.125, 17, "worker-ñ", "gato 🐈", null);
        var withValue = new PredictionServed("regressor", "shop", "id-2", at.AddDays(-9000), 406, double.Epsilon, -0.0, int.MaxValue, "w", null, -1234.5678e-9);
        var untracked = new PredictionServed("regressor", "shop", "id-3", at, 503, 30000.5, 29999.25, 1, "w", null, null);

        Assert.Equal(3, await store.AppendAsync([withClass, withValue, untracked], CancellationToken.None));

        var microsecond = TimeSpan.TicksPerMicrosecond;
        Assert.Equal([withClass with { At = new DateTimeOffset(at.UtcTicks / microsecond * microsecond, TimeSpan.Zero) }, withValue with { At = new DateTimeOffset(at.AddDays(-9000).UtcTicks / microsecond * microsecond, TimeSpan.Zero) }, untracked with { At = new DateTimeOffset(at.UtcTicks / microsecond * microsecond, TimeSpan.Zero) }], await ReadAllAsync(database));
    }

    [PostgresFact]
    public async Task Events_received_in_their_message_encoding_are_stored_exactly_as_decoded_ones_and_only_the_joined_deployment()
    {
        using var database = new PostgresTestDatabase();
        using var store = new PostgresPredictionStore(database.DataSource);
        var at = new DateTimeOffset(2026, 11, 27, 21, 0, 0, TimeSpan.Zero).AddTicks(30);
        PredictionServed[] first =
        [
            new("clasificación", "tienda", "id-ü-1", at, 200, 3.25, 0.125, 17, "worker-ñ", "gato 🐈", null),
            new("classifier", "other-shop", "id-x", at, 200, 1, 0, 1, "w", "1", null),
        ];
        PredictionServed[] second =
        [
            new("regressor", "tienda", "id-2", at.AddSeconds(1), 406, double.Epsilon, -0.0, int.MaxValue, "w", null, -1234.5678e-9),
            new("regressor", "tienda", "id-3", at.AddSeconds(2), 503, 30000.5, 29999.25, 1, "w", null, null),
        ];
        var parts = new[] { first, second }.Select(events => EncodedPredictionEvents.Read(PredictionServedBatchJsonConverter.Encode(events)));
        var joined = EncodedPredictionEvents.Join(parts, "tienda");

        Assert.Equal(3, joined.Count);
        Assert.Equal(3, await store.AppendAsync(joined, CancellationToken.None));
        // A second delivery of the same messages adds nothing.
        Assert.Equal(0, await store.AppendAsync(EncodedPredictionEvents.Join(new[] { first, second }.Select(events => EncodedPredictionEvents.Read(PredictionServedBatchJsonConverter.Encode(events))), "tienda"), CancellationToken.None));

        var microsecond = TimeSpan.TicksPerMicrosecond;
        var expected = first.Take(1).Concat(second).Select(e => e with { At = new DateTimeOffset(e.At.UtcTicks / microsecond * microsecond, TimeSpan.Zero) }).OrderBy(e => e.StatusCode);
        Assert.Equal(expected, await ReadAllAsync(database));
        Assert.Equal(joined.OrderBy(e => e.StatusCode).Select(e => e.RequestId), expected.Select(e => e.RequestId));
    }

    private static async Task<List<PredictionServed>> ReadAllAsync(PostgresTestDatabase database)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT api, request_id, deployment, at, status_code, latency_ms, queue_wait_ms, batch_size, worker_id, tracked_class, tracked_value FROM predictions ORDER BY status_code");
        await using var reader = await command.ExecuteReaderAsync();
        var stored = new List<PredictionServed>();
        while (await reader.ReadAsync())
        {
            stored.Add(new PredictionServed(
                reader.GetString(0), reader.GetString(2), reader.GetString(1),
                new DateTimeOffset(reader.GetFieldValue<DateTime>(3)), reader.GetInt32(4), reader.GetDouble(5), reader.GetDouble(6),
                reader.GetInt32(7), reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetString(9), reader.IsDBNull(10) ? null : reader.GetDouble(10)));
        }

        return stored;
    }
}
