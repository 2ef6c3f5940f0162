using System.Diagnostics.Tracing;
using System.Net;
using Overholt.Testing;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Performance;

/// <summary>
/// Every garbage collection scans every GC handle, so a handle made per write or per answer costs every request after
/// it. A weak table keyed by each save or each answer made one per entry: 135,000 of them after a minute of store
/// creations, and each collection of the benchmark's node took longer with them (docs/performance.md).
/// </summary>
public sealed class GcHandleTests(PostgresApp postgres) : PostgresApiTest(postgres)
{
    private const int Writes = 600;

    [Fact]
    public async Task Store_creations_and_the_answers_sent_for_them_leave_no_GC_handles_behind()
    {
        using var heap = new HeapStatistics();
        await CreateAndReadStores(20); // warm up: first uses make what a node keeps for good
        var before = await heap.HandlesAfterFullCollectionAsync();

        await CreateAndReadStores(Writes);
        var after = await heap.HandlesAfterFullCollectionAsync();

        // The in-process test host makes a few of its own (timers, sockets); one per write would be 600 and more.
        Assert.True(after - before < Writes / 6, $"GC handles went from {before} to {after} over {Writes} creations and reads");
    }

    private async Task CreateAndReadStores(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var created = await (await AsAdmin.PostJsonAsync("/api/stores", new { name = $"Handle {i}", address = "1 Main St", city = "Portland", state = "OR", zip_code = "97201" }))
                .AssertOkJson(HttpStatusCode.Created);
            var id = created.GetProperty("id").GetInt32();
            await (await AsUser.GetAsync($"/api/stores/{id}")).AssertOkJson(); // read twice: the second is kept
            await (await AsUser.GetAsync($"/api/stores/{id}")).AssertOkJson();
        }
    }

    /// <summary>The runtime's own count of GC handles, from the heap statistics it reports at the end of each collection.</summary>
    private sealed class HeapStatistics : EventListener
    {
        private const EventKeywords GcKeyword = (EventKeywords)0x1;
        private long _handles = -1;
        private int _reports;

        public async Task<long> HandlesAfterFullCollectionAsync()
        {
            var reports = Volatile.Read(ref _reports);
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            // The runtime hands its events to listeners on a thread of its own, shortly after.
            for (var waited = 0; Volatile.Read(ref _reports) < reports + 2; waited += 50)
            {
                Assert.True(waited < 10_000, "The runtime reported no heap statistics after a collection");
                await Task.Delay(50);
            }

            return Interlocked.Read(ref _handles);
        }

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
                EnableEvents(eventSource, EventLevel.Informational, GcKeyword);
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName?.StartsWith("GCHeapStats", StringComparison.Ordinal) != true || eventData.PayloadNames is not { } names)
                return;
            Interlocked.Exchange(ref _handles, Convert.ToInt64(eventData.Payload![names.IndexOf("GCHandleCount")], System.Globalization.CultureInfo.InvariantCulture));
            Interlocked.Increment(ref _reports);
        }
    }
}
