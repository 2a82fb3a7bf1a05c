using Christmas.Core.Campaign.Live;
using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Christmas.Core.Sequences;
using Christmas.Core.Webhooks;
using Christmas.Tests.Fixtures;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Christmas.Tests.Faults;

/// <summary>
/// 100,000 generated webhook bodies over real HTTP (FsCheck, fixed seed, shrinking on failure): valid
/// bodies with mutated fields, and bytes that are not JSON at all. No answer is 500 or above, a valid
/// body is always 200, and afterwards the database holds exactly the 200s: every sequence whole, every
/// execution one answered call, nothing from a refused one.
/// </summary>
[Trait("Category", "Slow"), RunsLong]
public sealed class GeneratedWebhookBodiesTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Bodies = 100_000;
    private const int BatchSize = 200;
    // Fixed seed: every run sends the same bodies (anchors are relative to the run's start).
    private const ulong Seed = 20_251_224UL;
    private const ulong Gamma = 1_442_695_040_888_963_407UL;

    private TestApp _app = null!;
    private HttpClient _client = null!;
    private int _sent;
    private int _resentAfterTransportError;
    private readonly ConcurrentDictionary<int, int> _byStatus = new();
    private readonly ConcurrentDictionary<string, Accepted> _accepted = new();

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        // Many connections at once: a batch goes out together, as a busy website's would.
        _client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 })
        {
            BaseAddress = _app.BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task HundredThousandGeneratedBodies_NoAnswerIs500OrMore_AndNothingIsWrittenByHalves()
    {
        var clock = Stopwatch.StartNew();
        var property = Prop.ForAll(Arb.From(Probes.Batch(BatchSize), Probes.ShrinkBatch), (Func<Batch, Task>)PostAndCheckAsync);
        var config = Config.QuickThrowOnFailure.WithMaxTest(Bodies / BatchSize).WithReplay(Seed, Gamma).WithQuietOnSuccess(true);
        // Off the test's synchronization context: FsCheck waits on the property's tasks synchronously.
        await Task.Run(() => Check.One(config, property));
        var posted = clock.Elapsed;

        await AssertNoPartialWritesAsync();
        output.WriteLine($"{_sent:N0} bodies in {posted.TotalSeconds:F1} s ({_sent / posted.TotalSeconds:F0}/s), checks done at {clock.Elapsed.TotalSeconds:F1} s");
        output.WriteLine("answers: " + string.Join(", ", _byStatus.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value:N0}")));
        output.WriteLine($"refusal probes sent again after the server closed the connection early: {_resentAfterTransportError}");
        Assert.True(_sent >= Bodies, $"only {_sent} bodies were sent");
    }

    /// <summary>One property case: a batch posted concurrently; throws with every wrong answer's body and status.</summary>
    private async Task PostAndCheckAsync(Batch batch)
    {
        var answers = await Task.WhenAll(batch.Probes.Select(PostAsync));
        var wrong = answers.Where(a => a.Status >= 500 || !a.Probe.Allowed().Contains(a.Status)).ToList();
        if (wrong.Count == 0) return;
        throw new InvalidOperationException($"{wrong.Count} of {batch.Probes.Length} answers are wrong:\n" + string.Join("\n", wrong.Take(5).Select(a =>
            $"--- {a.Status} (allowed: {string.Join("/", a.Probe.Allowed())}) for {a.Probe.Describe(4000)}\n    answer: {Probes.Preview(a.Body, 600)}")));
    }

    private async Task<Answer> PostAsync(Probe probe)
    {
        try
        {
            return await SendAsync(probe);
        }
        catch (HttpRequestException ex) when (ex.InnerException is IOException && !probe.Allowed().Contains(200))
        {
            // A server may answer a refusal before reading the whole body and close the connection
            // (RFC 9112 section 9.6): a client still writing sees a broken pipe, not the answer. Such a
            // probe stored nothing, so it is sent once more on a fresh connection and must then get an
            // allowed answer. A probe that may be accepted is never retried (a lost 200 would hide a write).
            Interlocked.Increment(ref _resentAfterTransportError);
            return await SendAsync(probe);
        }
    }

    private async Task<Answer> SendAsync(Probe probe)
    {
        Interlocked.Increment(ref _sent);
        var bytes = probe.Bytes();
        HttpContent content = probe.Chunked
            ? new StreamContent(new UnknownLengthStream(bytes))
            : new ByteArrayContent(bytes);
        if (probe.ContentType is { } type) content.Headers.TryAddWithoutValidation("Content-Type", type);
        using var response = await _client.PostAsync(probe.Path, content);
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        _byStatus.AddOrUpdate(status, 1, (_, n) => n + 1);
        if (status == 200)
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var sequence = root.GetProperty("sequenceId");
            _accepted[root.GetProperty("id").GetString()!] = new Accepted(probe.Handler,
                sequence.ValueKind == JsonValueKind.Number ? sequence.GetInt64() : null, root.GetProperty("deduplicated").GetBoolean());
        }
        return new Answer(probe, status, body);
    }

    /// <summary>What 200s promise (DESIGN.md: "200 only after the contact, the sequence and all its steps are committed").</summary>
    private async Task AssertNoPartialWritesAsync()
    {
        var campaign = _app.Services.GetRequiredService<PublishedCampaign>().Latest;
        var (executions, sequences, steps, contacts) = await _app.WithDbAsync(async db => (
            await db.Executions.AsNoTracking().Select(e => new { e.Id, e.FlowId, e.Trigger, e.SequenceId, e.Deduplicated, e.ContactEmail, e.HttpStatus, e.State }).ToListAsync(),
            await db.Sequences.AsNoTracking().Select(s => new { s.Id, s.ContactId, s.Kind, s.ExecutionId, s.DedupeKey }).ToListAsync(),
            await db.Steps.AsNoTracking().Select(s => new { s.SequenceId, s.Number, s.TemplateKey }).ToListAsync(),
            await db.Contacts.AsNoTracking().Select(c => new { c.Id, c.Email, c.FirstName, c.RedSystems, c.OrangeSystems, c.YellowSystems, c.GreenSystems }).ToListAsync()));
        output.WriteLine($"stored: {executions.Count:N0} executions, {contacts.Count:N0} contacts, {sequences.Count:N0} sequences, {steps.Count:N0} steps");

        // Exactly the answered calls are recorded: every 200 was committed, and a refused call left only its
        // FAILED record (bounded by Webhooks:RefusedKept), which points at no contact and no sequence.
        var refused = executions.Where(e => e.HttpStatus is not null).ToList();
        Assert.All(refused, e => Assert.Equal(("FAILED", null, null), (e.State, e.ContactEmail, e.SequenceId)));
        // (A probe sent again after a broken pipe may have been recorded on its first attempt too.)
        Assert.InRange(refused.Count, 1, Math.Min(10_000, _byStatus.Where(s => s.Key is >= 400 and < 500).Sum(s => s.Value) + _resentAfterTransportError));
        executions = executions.Where(e => e.HttpStatus is null).ToList();
        var executionsById = executions.ToDictionary(e => e.Id);
        Assert.Equal(_accepted.Count, _byStatus.GetValueOrDefault(200));
        Assert.Empty(_accepted.Keys.Where(id => !executionsById.ContainsKey(id)).Take(10));
        Assert.Empty(executions.Where(e => !_accepted.ContainsKey(e.Id)).Select(e => e.Id).Take(10));
        foreach (var (id, accepted) in _accepted)
        {
            var e = executionsById[id];
            Assert.Equal((accepted.Handler, "webhook", accepted.SequenceId, accepted.Deduplicated), (e.FlowId, e.Trigger, e.SequenceId, e.Deduplicated));
        }

        // Every sequence whole: started by a recorded call, of its handler's kind, with every step of its definition.
        var sequencesById = sequences.ToDictionary(s => s.Id);
        var stepsBySequence = steps.ToLookup(s => s.SequenceId);
        var contactIds = contacts.Select(c => c.Id).ToHashSet();
        foreach (var s in sequences)
        {
            Assert.Contains(s.ContactId, contactIds);
            var starter = executionsById[s.ExecutionId!];
            Assert.Equal((s.Id, false), (starter.SequenceId, starter.Deduplicated));
            Assert.Equal(campaign.Handler(starter.FlowId)!.Starts, s.Kind);
            var expected = campaign.Sequence(s.Kind)!.Steps.Select(d => $"{d.Number}:{d.TemplateKey}").ToList();
            var stored = stepsBySequence[s.Id].OrderBy(x => x.Number).Select(x => $"{x.Number}:{x.TemplateKey}").ToList();
            Assert.True(expected.SequenceEqual(stored), $"sequence {s.Id} ({s.Kind}) has steps [{string.Join(", ", stored)}], its definition [{string.Join(", ", expected)}]");
        }
        Assert.Empty(steps.Where(st => !sequencesById.ContainsKey(st.SequenceId)).Take(10));
        Assert.Equal(sequences.Count, sequences.Select(s => (s.ContactId, s.DedupeKey)).Distinct().Count());
        Assert.Equal(sequences.Count, executions.Count(e => e.SequenceId is not null && !e.Deduplicated));
        Assert.All(executions.Where(e => e.SequenceId is { } id), e => Assert.Equal(campaign.Handler(e.FlowId)!.Starts, sequencesById[e.SequenceId!.Value].Kind));

        // Every contact came from an accepted call and holds validated data only.
        var acceptedEmails = executions.Select(e => e.ContactEmail).ToHashSet();
        Assert.Equal(contacts.Count, contacts.Select(c => c.Email).Distinct().Count());
        Assert.True(acceptedEmails.SetEquals(contacts.Select(c => (string?)c.Email)), "contacts and accepted calls' emails differ");
        foreach (var c in contacts)
        {
            Assert.True(c.Email.Length is > 0 and <= 254 && c.Email == c.Email.Trim().ToLowerInvariant(), $"email '{c.Email}'");
            Assert.True(c.FirstName.Length is > 0 and <= 200 && !c.FirstName.Any(char.IsControl), $"first name '{c.FirstName}'");
            int?[] counts = [c.RedSystems, c.OrangeSystems, c.YellowSystems, c.GreenSystems];
            Assert.True(counts.All(n => n is null) || counts.All(n => n is >= 0 and <= 8), $"counts of {c.Email}");
        }
    }

    private sealed record Answer(Probe Probe, int Status, string Body);

    private sealed record Accepted(string Handler, long? SequenceId, bool Deduplicated);

    /// <summary>A body without a Content-Length, so the server reads it chunked and cannot refuse it by header.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}

/// <summary>One property case: bodies posted together. Printed whole only once shrunk to a few.</summary>
internal sealed record Batch(Probe[] Probes)
{
    public override string ToString() => Probes.Length <= 3
        ? string.Join("\n", Probes.Select(p => p.Describe(4000)))
        : $"{Probes.Length} bodies, the first: {Probes[0].Describe(300)}";
}

/// <summary>How a probe's bytes are framed around (or instead of) the JSON object.</summary>
internal enum Envelope
{
    None, Truncated, Empty, Whitespace, NotJson, RandomBytes, InArray, ScalarRoot, Bom, TrailingGarbage,
    LeadingComment, TrailingComma, InvalidUtf8, PaddedOver64KiB, DeeplyNested,
}

internal enum MutationKind { Set, Remove, Duplicate }

/// <summary>One change to the valid body: a member set (or added), removed, or repeated with another value.</summary>
internal sealed record Mutation(MutationKind Kind, string Key, string Raw = "")
{
    public override string ToString() => Kind switch
    {
        MutationKind.Remove => $"remove {Key}",
        _ => $"{Kind.ToString().ToLowerInvariant()} {Probes.Preview(Key, 60)} = {Probes.Preview(Raw, 200)}",
    };
}

/// <summary>One call: a handler's valid body, mutations to it, and how it is framed and sent.</summary>
internal sealed record Probe(
    string Handler,
    string Path,
    IReadOnlyList<(string Key, string Raw)> Valid,
    IReadOnlyList<Mutation> Mutations,
    Envelope Envelope,
    int Cut,
    byte[] Junk,
    string? ContentType,
    bool Chunked)
{
    public static readonly string?[] JsonTypes = ["application/json", "application/json; charset=utf-8", "APPLICATION/JSON", "application/problem+json", "application/vnd.api+json"];
    public static readonly string?[] OtherTypes = [null, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/json", "application/xml", "*/*", "application/jsonx", "json", ";"];

    public bool GoodUrl => Path == Webhooks.Url(Handler);

    /// <summary>Untouched guide body, a JSON content type, right URL: must be accepted.</summary>
    public bool IsValid => Mutations.Count == 0 && Envelope == Envelope.None && GoodUrl && JsonTypes.Contains(ContentType);

    /// <summary>
    /// The answers DESIGN.md allows, in the order the webhook checks: URL (404), content type (415),
    /// size (413), then the body (400 for what is not a JSON object or breaks a field rule, else 200).
    /// </summary>
    public int[] Allowed()
    {
        // Kestrel itself refuses an encoded NUL in the path (400), before any routing.
        if (!GoodUrl) return Path.EndsWith("%00", StringComparison.Ordinal) ? [400] : [404];
        if (OtherTypes.Contains(ContentType)) return [415];
        // Odd parameters on a JSON type ("charset=latin1", ";;"): either refusal is fair.
        int[] unsure = JsonTypes.Contains(ContentType) ? [] : [415];
        if (Bytes().Length > 64 * 1024) return [413, .. unsure];
        if (IsValid) return [200];
        var mayParse = Envelope is Envelope.None or Envelope.Bom || (Envelope == Envelope.DeeplyNested && Cut < 32);
        return mayParse ? [200, 400, .. unsure] : [400, .. unsure];
    }

    public string Json()
    {
        var members = Valid.ToList();
        foreach (var m in Mutations)
        {
            switch (m.Kind)
            {
                case MutationKind.Set:
                    var at = members.FindIndex(x => x.Key == m.Key);
                    if (at >= 0) members[at] = (m.Key, m.Raw);
                    else members.Add((m.Key, m.Raw));
                    break;
                case MutationKind.Remove:
                    members.RemoveAll(x => x.Key == m.Key);
                    break;
                case MutationKind.Duplicate:
                    members.Add((m.Key, m.Raw));
                    break;
            }
        }
        return "{" + string.Join(",", members.Select(x => Probes.Str(x.Key) + ":" + x.Raw)) + "}";
    }

    public byte[] Bytes()
    {
        var json = Json();
        var utf8 = Encoding.UTF8.GetBytes(json);
        byte[] Text(string s) => Encoding.UTF8.GetBytes(s);
        return Envelope switch
        {
            Envelope.None => utf8,
            Envelope.Truncated => utf8[..Math.Min(Cut, utf8.Length - 1)],
            Envelope.Empty => [],
            Envelope.Whitespace => Text(" \r\n\t "),
            Envelope.NotJson => Junk,
            Envelope.RandomBytes => Junk,
            Envelope.InArray => Text("[" + json + "]"),
            Envelope.ScalarRoot => Junk,
            Envelope.Bom => [0xEF, 0xBB, 0xBF, .. utf8],
            Envelope.TrailingGarbage => [.. utf8, .. Junk],
            Envelope.LeadingComment => Text("/* website */" + json),
            Envelope.TrailingComma => Text(json[..^1] + ",}"),
            // A byte no UTF-8 text holds, inside the body (Cut picks where).
            Envelope.InvalidUtf8 => [.. utf8[..Math.Min(Cut, utf8.Length - 1)], .. Junk, .. utf8[Math.Min(Cut, utf8.Length - 1)..]],
            Envelope.PaddedOver64KiB => Text(json + new string(' ', 64 * 1024 + 1 - Math.Min(json.Length, 64 * 1024))),
            Envelope.DeeplyNested => Text(json[..^1] + ",\"nested\":" + new string('[', Cut) + new string(']', Cut) + "}"),
            _ => throw new ArgumentOutOfRangeException(),
        };
    }

    public string Describe(int max)
    {
        var bytes = Bytes();
        var text = Probes.Readable(bytes, max);
        var how = $"{Handler}{(GoodUrl ? "" : " at " + Path)}, Content-Type {ContentType ?? "(none)"}{(Chunked ? ", chunked" : "")}, envelope {Envelope}";
        var changes = Mutations.Count == 0 ? "guide body" : string.Join("; ", Mutations);
        return $"{how}, {bytes.Length} bytes [{changes}]\n    body: {text}";
    }

    public override string ToString() => Describe(2000);
}

/// <summary>The generators and shrinkers.</summary>
internal static class Probes
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow;
    private static readonly string[] Handlers = [.. Webhooks.GuideKeys.Keys];
    private static readonly string[] Anchors = ["email_1_sent_at", "scheduled_time", "call_date", "payment_date"];

    private static readonly Gen<string> OddText = Gen.Frequency(
        (3, Pick("Sarah", "  Sarah  ", "Zoë", "José Álvarez", "李小龙", "محمد", "שרה", "🎄🎅🏽 Noël", "e\u0301", "\u200b", "\u2028\u2029",
            "\ufeffSarah", "O'Brien", "<script>alert(1)</script>", "'; DROP TABLE \"Contacts\";--", "{{ first_name }}", "{% raw %}", "\\", "\"")
            .Select(Str)),
        (2, from c in Pick('a', 'é', '字', ' ', '\t') from n in Pick(0, 1, 199, 200, 201, 255, 1000, 10_000, 70_000) select Str(new string(c, n))),
        (1, from s in Pick("a\u0000b", "line\nbreak", "tab\there", "bell\u0007", "del\u007f", "esc\u001b[31m", "\u0085next") select Str(s)),
        // Unpaired surrogates: valid JSON escapes that no .NET string can hold.
        (1, Pick("\"\\ud800\"", "\"a\\udc00b\"", "\"\\ud83c\"", "\"\\udfff\\ud800\"")),
        // Control characters and bad escapes unescaped inside the string: not JSON.
        (1, Pick("\"a\u0001b\"", "\"\\x41\"", "\"\\u12\"", "\"unterminated", "'single'", "\"\t\"")));

    private static readonly Gen<string> OddNumber = Pick("0", "8", "9", "-1", "-0", "3.0", "2.5", "1e1", "1E0", "0.1e1", "2147483647", "2147483648",
        "-2147483649", "9223372036854775808", "1e308", "1e400", "-1e400", "0.0000000000000000000000000001", "14700", "14700.50",
        "1000000000000", "1000000000000.01", "123456789012345678901234567890", "\"2\"", "\"14700\"", "NaN", "Infinity", "0x10", "01", "+1", ".5", "5.");

    private static readonly Gen<string> OddEmail = Gen.Frequency(
        (4, Pick("A@B.CO", "  Mixed.Case@Example.COM  ", "a@b", "@b.c", "a@", "a@@b.c", "a b@c.d", "\"a b\"@c.d", "ü@exämple.com",
            "a@[127.0.0.1]", "a+tag@example.com", "a@-b.com", "a..b@c.d", ".a@b.c", "a.@b.c", "a@b.c.", "a@b..c", "a@b.c\n", "\ta@b.c",
            "a\u0000@b.c", "a@b\u200b.c", "a@b.c,d@e.f", "<a@b.c>", "Sarah <a@b.c>", "a@b.c (comment)", "a@localhost", "A@B.C@D.E",
            "x@y.z", "shared1@example.com", "SHARED2@EXAMPLE.COM", "💌@🎄.com", "a@xn--bcher-kva.ch", "", " ").Select(Str)),
        (1, from n in Pick(64, 65, 240, 250, 254, 255, 300, 5000) select Str(new string('a', n) + "@example.com")),
        (1, from n in Pick(63, 64, 200) select Str("a@" + new string('b', n) + ".com")));

    private static readonly Gen<string> OddDate = Gen.Frequency(
        (3, Pick("2025-12-09T16:30:00Z", "2024-02-29T10:00:00Z", "2025-02-29T10:00:00Z", "2024-02-30T10:00:00Z", "2024-13-01T00:00:00Z",
            "2024-00-10T00:00:00Z", "2024-01-01T24:00:00Z", "2024-01-01T23:60:00Z", "2024-01-01T23:59:60Z", "0001-01-01T00:00:00Z",
            "0001-01-01T00:00:00+14:00", "0001-01-01T00:00:00-14:00", "9999-12-31T23:59:59Z", "9999-12-31T23:59:59-14:00",
            "2024-01-01T00:00:00", "2024-01-01", "2024-01-01T10:00Z", "2024-01-01 10:00+0530", "2024-01-01T10:00:00.123456789+05:45",
            "2024-01-01T10:00:00.1234567890Z", "2024-01-01T10:00:00+23:59", "2024-01-01T10:00:00+99:99", "2024-01-01T10:00:00z",
            "2024-01-01T10:00:00 Z", "2024-W01-1", "yesterday", "", "1700000000", "2024-01-01T10:00:00+14:01", "２０２４-01-01T10:00:00Z",
            "2024-01-01T10:00:00Z\n", "+002024-01-01T10:00:00Z").Select(Str)),
        (2, from y in Gen.Choose(0, 9999) from mo in Gen.Choose(0, 13) from d in Gen.Choose(0, 32) from h in Gen.Choose(0, 25)
            from mi in Gen.Choose(0, 61) from off in Pick("Z", "z", "+00:00", "-00:00", "+14:00", "-14:00", "+1400", "-12:30", "+05:45")
            select Str($"{y:0000}-{mo:00}-{d:00}T{h:00}:{mi:00}:00{off}")),
        (2, from minutes in Gen.Choose(-60 * 24 * 400, 60 * 24 * 400) from off in Pick(0, 330, -480, 840, -720)
            select Str(Start.AddMinutes(minutes).ToOffset(TimeSpan.FromMinutes(off)).ToString("yyyy-MM-ddTHH:mm:sszzz"))),
        (1, Pick("1700000000", "null", "[\"2024-01-01T00:00:00Z\"]", "{\"date\":\"2024-01-01T00:00:00Z\"}", "true")));

    private static readonly Gen<string> OddZone = Pick("America/Toronto", "Europe/London", "UTC", "Etc/GMT+14", "Etc/GMT-14", "Asia/Kathmandu",
        "Pacific/Chatham", "america/toronto", " America/Toronto ", "US/Eastern", "EST5EDT", "Mars/Olympus", "../../etc/passwd", "", "+05:00",
        "GMT+5", "Z", "Europe/Kyiv", "Europe/Kiev", "Antarctica/Troll", new string('A', 65), "America/Toronto\u0000", "🎄")
        .Select(Str);

    private static readonly Gen<string> ExtraKey = Pick("unexpected", "Email", "EMAIL", " email", "email ", "", "__proto__", "constructor", "$where",
        "first_name\u0000", "电子邮件", "🎄", new string('k', 1000), "red_systems ", "a.b", "null");

    private static readonly Gen<string> AnyJson = Gen.Frequency(
        (3, Pick("null", "true", "false", "0", "-1", "1.5", "1e400", "[]", "{}", "[1,\"a\",null]", "{\"email\":\"x@y.z\"}", "\"\"", "\" \"")),
        (2, OddNumber),
        (2, OddText),
        (1, from depth in Pick(2, 10, 31, 40) from obj in Gen.Elements(true, false)
            select obj ? string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth) : new string('[', depth) + new string(']', depth)),
        (1, from n in Gen.Choose(1, 30) from items in Gen.ListOf(OddText, n) select "[" + string.Join(",", items) + "]"));

    /// <summary>A JSON string literal, non-ASCII kept as is (escaping it changes nothing for the parser).</summary>
    public static string Str(string s) => JsonSerializer.Serialize(s, Relaxed);

    public static string Preview(string s, int max) => Readable(Encoding.UTF8.GetBytes(s), max);

    /// <summary>Bytes as text, with control characters as \uXXXX and bytes that are not UTF-8 as \xNN.</summary>
    public static string Readable(ReadOnlySpan<byte> bytes, int max)
    {
        var total = bytes.Length;
        var text = new StringBuilder();
        while (!bytes.IsEmpty && text.Length < max)
        {
            if (Rune.DecodeFromUtf8(bytes, out var rune, out var used) == OperationStatus.Done)
                text.Append(Rune.IsControl(rune) ? $"\\u{rune.Value:X4}" : rune.ToString());
            else
                foreach (var b in bytes[..Math.Max(used, 1)]) text.Append($"\\x{b:X2}");
            bytes = bytes[Math.Max(used, 1)..];
        }
        return bytes.IsEmpty ? text.ToString() : $"{text}... ({total} bytes)";
    }

    private static Gen<T> Pick<T>(params T[] items) => Gen.Elements(items);

    public static Gen<Batch> Batch(int size) => Gen.ArrayOf(AnyProbe(), size).Select(probes => new Batch(probes));

    public static Gen<Probe> AnyProbe() =>
        from handler in Pick(Handlers)
        from valid in ValidBody(handler)
        from mutationCount in Gen.Frequency((25, Gen.Constant(0)), (40, Gen.Constant(1)), (20, Gen.Constant(2)), (15, Gen.Choose(3, 6)))
        from mutations in Gen.ListOf(Mutations[handler], mutationCount)
        from envelope in Gen.Frequency(
            (70, Gen.Constant(Envelope.None)), (3, Gen.Constant(Envelope.Truncated)), (2, Gen.Constant(Envelope.Empty)),
            (1, Gen.Constant(Envelope.Whitespace)), (3, Gen.Constant(Envelope.NotJson)), (2, Gen.Constant(Envelope.RandomBytes)),
            (2, Gen.Constant(Envelope.InArray)), (2, Gen.Constant(Envelope.ScalarRoot)), (2, Gen.Constant(Envelope.Bom)),
            (2, Gen.Constant(Envelope.TrailingGarbage)), (1, Gen.Constant(Envelope.LeadingComment)), (1, Gen.Constant(Envelope.TrailingComma)),
            (3, Gen.Constant(Envelope.InvalidUtf8)), (1, Gen.Constant(Envelope.PaddedOver64KiB)), (2, Gen.Constant(Envelope.DeeplyNested)))
        from cut in envelope == Envelope.DeeplyNested ? Pick(30, 31, 32, 33, 64, 1000) : Gen.Choose(0, 400)
        from junk in Junk(envelope)
        from contentType in Gen.Frequency(
            (85, Gen.Constant<string?>("application/json")),
            (7, Pick(Probe.JsonTypes)),
            (3, Pick<string?>("application/json; charset=latin1", "application/json;;", "application/json; boundary=\"")),
            (5, Pick(Probe.OtherTypes)))
        from chunked in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
        from path in Gen.Frequency((97, Gen.Constant(Webhooks.Url(handler))),
            (3, Pick(Webhooks.Url(handler, "wrong-key"), Webhooks.Url(handler, Webhooks.GuideKeys[handler].ToUpperInvariant()),
                Webhooks.Url("unknown-handler"), Webhooks.Url(handler, "%F0%9F%8E%84"), Webhooks.Url(handler, "%00"))))
        select new Probe(handler, path, valid, mutations, envelope, cut, junk, contentType, chunked);

    /// <summary>The guide's body for the handler, with a fresh or a shared email (shared ones meet dedupe and concurrency).</summary>
    private static Gen<IReadOnlyList<(string, string)>> ValidBody(string handler) =>
        from shared in Gen.Frequency((3, Gen.Constant(true)), (7, Gen.Constant(false)))
        from n in Gen.Choose(1, shared ? 40 : 999_999_999)
        // Mostly just now (as the website calls); some within the 12 h grace (sent while the run goes on), some long past (skipped).
        from minutesAgo in Gen.Frequency((7, Gen.Choose(0, 2)), (1, Gen.Choose(6, 12 * 60)), (2, Gen.Choose(13 * 60, 60 * 24 * 30)))
        from eventId in Gen.OneOf(Pick("evt_1", "evt_2", "evt_3"), Gen.Choose(1, 999_999_999).Select(i => $"evt_{i}"))
        let email = shared ? $"shared{n}@example.com" : $"fuzz{n}@example.com"
        let anchor = Start.AddMinutes(-minutesAgo)
        select (IReadOnlyList<(string, string)>)(handler switch
        {
            "signup-handler" => Webhooks.Signup(email),
            "assessment-handler" => Webhooks.Assessment(anchor, email),
            "noshow-recovery-handler" => Webhooks.Noshow(anchor, email, eventId),
            "postcall-maybe-handler" => Webhooks.Postcall(anchor, email),
            _ => Webhooks.Onboarding(anchor, email),
        }).Select(kv => (kv.Key, JsonSerializer.Serialize(kv.Value, Relaxed))).ToList();

    private static readonly Dictionary<string, Gen<Mutation>> Mutations = Handlers.ToDictionary(h => h, MutationOf);

    private static Gen<Mutation> MutationOf(string handler)
    {
        var fields = RevisionOne.Campaign.Handler(handler)!.Fields.Select(f => f.Name).Append("timezone").ToArray();
        var key = Gen.Frequency((8, Pick(fields)), (2, ExtraKey));
        return Gen.Frequency(
            (6, from k in key from v in ValueFor(k) select new Mutation(MutationKind.Set, k, v)),
            (2, from k in Pick(fields) select new Mutation(MutationKind.Remove, k)),
            (2, from k in Pick(fields) from v in ValueFor(k) select new Mutation(MutationKind.Duplicate, k, v)));
    }

    /// <summary>A raw JSON value for a member: odd values of the field's own type, or anything at all.</summary>
    private static Gen<string> ValueFor(string key)
    {
        var own = key switch
        {
            "email" => OddEmail,
            "timezone" => OddZone,
            "revenue_leak_total" or "red_systems" or "orange_systems" or "yellow_systems" or "green_systems" => OddNumber,
            _ when Anchors.Contains(key) => OddDate,
            "email_1_status" => Pick("sent", "SENT", " sent ", "bounced", "", "queued").Select(Str),
            "payment_status" => Pick("paid", "PAID", "pending", "refunded", "", " paid").Select(Str),
            _ => OddText,
        };
        return Gen.Frequency((6, own), (4, AnyJson));
    }

    private static Gen<byte[]> Junk(Envelope envelope) => envelope switch
    {
        Envelope.NotJson => Pick("email=a@b.c&first_name=x", "<xml><email>a@b.c</email></xml>", "undefined", "NaN", "{'email': 'x@y.z'}",
            "{email: \"x@y.z\"}", "{\"email\" \"x@y.z\"}", "{\"email\":}", "{,}", "}", "{", "[", "\"", "{\"a\":1}{\"b\":2}", "\u0000",
            "--x\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\na@b.c\r\n--x--").Select(Encoding.UTF8.GetBytes),
        Envelope.RandomBytes => from n in Gen.Choose(1, 600) from bytes in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), n) select bytes,
        Envelope.ScalarRoot => Pick("\"a@b.c\"", "42", "null", "true", "[]", "[{\"email\":\"a@b.c\"}]", "-0", "1e400").Select(Encoding.UTF8.GetBytes),
        Envelope.TrailingGarbage => Pick("}", "]", ",", "x", "\u0000", "{}", " {\"email\":1}", "//").Select(Encoding.UTF8.GetBytes),
        Envelope.InvalidUtf8 => Pick<byte[]>([0xFF], [0xC3, 0x28], [0xE2, 0x82], [0xF0, 0x9F, 0x8E], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0x80]),
        _ => Gen.Constant(Array.Empty<byte>()),
    };

    /// <summary>
    /// A failing batch shrinks to a half, then to single probes; a single probe towards the guide's
    /// body (mutations dropped, framing and content type made plain, long values halved).
    /// </summary>
    public static IEnumerable<Batch> ShrinkBatch(Batch batch)
    {
        var probes = batch.Probes;
        if (probes.Length > 1)
        {
            yield return new Batch(probes[..(probes.Length / 2)]);
            yield return new Batch(probes[(probes.Length / 2)..]);
            foreach (var p in probes) yield return new Batch([p]);
            yield break;
        }
        if (probes.Length == 1)
            foreach (var smaller in ShrinkProbe(probes[0])) yield return new Batch([smaller]);
    }

    private static IEnumerable<Probe> ShrinkProbe(Probe p)
    {
        if (p.Envelope != Envelope.None) yield return p with { Envelope = Envelope.None };
        if (p.Chunked) yield return p with { Chunked = false };
        if (p.ContentType != "application/json") yield return p with { ContentType = "application/json" };
        if (!p.GoodUrl) yield return p with { Path = Webhooks.Url(p.Handler) };
        for (var i = 0; i < p.Mutations.Count; i++)
            yield return p with { Mutations = [.. p.Mutations.Take(i), .. p.Mutations.Skip(i + 1)] };
        for (var i = 0; i < p.Mutations.Count; i++)
            if (HalfString(p.Mutations[i].Raw) is { } half)
                yield return p with { Mutations = [.. p.Mutations.Take(i), p.Mutations[i] with { Raw = half }, .. p.Mutations.Skip(i + 1)] };
        if (p.Envelope is Envelope.Truncated or Envelope.InvalidUtf8 && p.Cut > 0) yield return p with { Cut = p.Cut / 2 };
        if (p.Junk.Length > 1) yield return p with { Junk = p.Junk[..(p.Junk.Length / 2)] };
    }

    /// <summary>A JSON string literal of more than a few characters, at half its length; else null.</summary>
    private static string? HalfString(string raw)
    {
        if (raw.Length < 8 || raw[0] != '"') return null;
        try
        {
            var s = JsonSerializer.Deserialize<string>(raw);
            return s is { Length: >= 4 } ? Str(s[..(s.Length / 2)]) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
