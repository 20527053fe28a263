using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;

namespace WithUs.Tests.Harness;

/// <summary>
/// A small SMTP server on loopback that accepts every message and keeps it: the far side of the email boundary.
/// Speaks just enough of RFC 5321 (HELO/EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) for an SMTP client. Given a user
/// name and password it also offers AUTH PLAIN and LOGIN (RFC 4954) and refuses mail until the client has signed in.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task accepting;
    private readonly (string UserName, string Password)? account;

    public SmtpSink(string? userName = null, string? password = null)
    {
        account = userName is null ? null : (userName, password ?? "");
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public ConcurrentQueue<ReceivedEmail> Received { get; } = new();

    public Task<ReceivedEmail> WaitForAsync(Func<ReceivedEmail, bool> match, TimeSpan timeout) =>
        Eventually.FoundAsync(() => Task.FromResult(Received.FirstOrDefault(match)),
            $"a matching email (received {Received.Count})", timeout);

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 sink.test ESMTP");
            var recipients = new List<string>();
            string? signedInAs = null;
            while (await reader.ReadLineAsync() is { } line)
            {
                var parts = line.Split(' ');
                var verb = parts[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO" when account is not null:
                        await writer.WriteLineAsync("250-sink.test");
                        await writer.WriteLineAsync("250 AUTH PLAIN LOGIN");
                        break;
                    case "EHLO" or "HELO":
                        await writer.WriteLineAsync("250 sink.test");
                        break;
                    case "AUTH" when account is { } expected:
                        var given = await ReadCredentialsAsync(parts, reader, writer);
                        signedInAs = given is { } credentials && credentials == expected ? credentials.UserName : null;
                        await writer.WriteLineAsync(signedInAs is null ? "535 5.7.8 Authentication credentials invalid" : "235 2.7.0 Authentication successful");
                        break;
                    case "MAIL" when account is not null && signedInAs is null:
                        await writer.WriteLineAsync("530 5.7.0 Authentication required");
                        break;
                    case "RCPT":
                        recipients.Add(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim(' ', '<', '>'));
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                        {
                            data.AppendLine(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine);
                        }

                        Received.Enqueue(new ReceivedEmail([.. recipients], data.ToString(), signedInAs));
                        recipients.Clear();
                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("250 OK");
                        break;
                }
            }
        }
    }

    /// <summary>AUTH PLAIN (with or without the initial response) or AUTH LOGIN; null for anything else.</summary>
    private static async Task<(string UserName, string Password)?> ReadCredentialsAsync(string[] command, StreamReader reader, StreamWriter writer)
    {
        static string Decode(string? base64) => Encoding.UTF8.GetString(Convert.FromBase64String(base64 ?? ""));
        switch (command.ElementAtOrDefault(1)?.ToUpperInvariant())
        {
            case "PLAIN":
                var initial = command.ElementAtOrDefault(2);
                if (initial is null)
                {
                    await writer.WriteLineAsync("334 ");
                    initial = await reader.ReadLineAsync();
                }

                var fields = Decode(initial).Split('\0');
                return fields.Length == 3 ? (fields[1], fields[2]) : null;
            case "LOGIN":
                await writer.WriteLineAsync("334 VXNlcm5hbWU6");
                var user = Decode(await reader.ReadLineAsync());
                await writer.WriteLineAsync("334 UGFzc3dvcmQ6");
                return (user, Decode(await reader.ReadLineAsync()));
            default:
                return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await accepting;
        stop.Dispose();
    }
}

/// <summary>An email as the server received it, and the user name the client signed in with (null when it did not).</summary>
public sealed record ReceivedEmail(IReadOnlyList<string> To, string Raw, string? SignedInAs = null);
