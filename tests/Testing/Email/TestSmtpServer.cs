using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Overholt.Testing.Email;

/// <summary>
/// A real SMTP server on loopback (the SmtpServer package) that keeps what it receives. It can be stopped and
/// started again on the same port, to play a mail server that goes down and comes back.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private SmtpServer.SmtpServer? _server;
    private int _started;

    public TestSmtpServer()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public int Port { get; }

    public bool IsRunning => _server is not null;

    /// <summary>How long each message takes to accept, to make jobs slow enough to spread over several workers.</summary>
    public TimeSpan DelayPerMessage { get; set; } = TimeSpan.Zero;

    public IReadOnlyList<MimeMessage> Messages => [.. _messages];

    /// <summary>Messages whose data has arrived, accepted or still being accepted (<see cref="DelayPerMessage"/>).</summary>
    public int MessagesStarted => _started;

    /// <summary>Settings that point the app at this server.</summary>
    public IReadOnlyDictionary<string, string?> AppSettings => new Dictionary<string, string?>
    {
        ["Email:Delivery"] = "Smtp",
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:Security"] = "None",
        ["Email:Smtp:TimeoutSeconds"] = "5",
    };

    public TestSmtpServer Start()
    {
        if (_server is not null)
            return this;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new CollectingStore(this));
        _server = new SmtpServer.SmtpServer(options, services);
        _ = _server.StartAsync(CancellationToken.None);
        return this;
    }

    public async Task StopAsync()
    {
        if (_server is null)
            return;
        _server.Shutdown();
        await _server.ShutdownTask;
        _server = null;
    }

    /// <summary>Waits until at least <paramref name="count"/> messages have arrived, or fails after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForMessagesAsync(int count, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (_messages.Count < count)
        {
            if (clock.Elapsed > timeout)
                throw new TimeoutException($"Expected {count} email(s) within {timeout.TotalSeconds:0.#} s, got {_messages.Count}.");
            await Task.Delay(50);
        }

        return Messages;
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private sealed class CollectingStore(TestSmtpServer owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref owner._started);
            if (owner.DelayPerMessage > TimeSpan.Zero)
                await Task.Delay(owner.DelayPerMessage, cancellationToken);
            using var stream = new MemoryStream(buffer.ToArray());
            owner._messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
