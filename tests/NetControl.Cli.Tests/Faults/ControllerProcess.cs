using System.Globalization;

namespace NetControl.Cli.Tests.Faults;

/// <summary>
/// <c>netctl controller --config FILE --verbose</c> as a child process: its configuration (listen port, SQLite file,
/// operator token, every simulated switch over TCP) is written once into a directory and every start reuses it, so a
/// restart runs on the same database and the same switches. Started means its REST API answers.
/// </summary>
internal sealed class ControllerProcess : IAsyncDisposable
{
    public const string OperatorToken = "fault-test-operator-0123456789abcdef";

    private ControllerProcess(NetctlProcess process, ControllerApi api)
    {
        Process = process;
        Api = api;
    }

    public NetctlProcess Process { get; }

    public ControllerApi Api { get; }

    /// <summary>Writes <c>controller.yaml</c> into <paramref name="directory"/> (database <c>state.db</c> beside it) and returns its path.</summary>
    public static string WriteConfig(string directory, int listenPort, string topology, IEnumerable<SimulatedSwitch> switches)
    {
        string devices = string.Join("\n", switches.Select(s =>
            $"  - {{name: {s.Name}, dialect: {s.Dialect}, host: 127.0.0.1, port: {s.Tl1Port.ToString(CultureInfo.InvariantCulture)}, user: netctl, password: fault-test}}"));
        string path = Path.Combine(directory, "controller.yaml");
        File.WriteAllText(path, $"""
            listen: http://127.0.0.1:{listenPort.ToString(CultureInfo.InvariantCulture)}
            topology: {topology}
            database: state.db
            tokens:
              - {"{"}name: fault-test, role: operator, token: {OperatorToken}{"}"}
            devices:
            {devices}
            timeouts: {"{"}deviceConnectSeconds: 30, deviceCommandSeconds: 30{"}"}

            """);
        return path;
    }

    /// <summary>Starts a controller on <paramref name="config"/> and waits until GET /api/v1/lightpaths answers 200.</summary>
    public static async Task<ControllerProcess> StartAsync(string config, int listenPort, TimeSpan limit)
    {
        var process = NetctlProcess.Start(Path.GetDirectoryName(config)!, "controller", "--config", config, "--verbose");
        var controller = new ControllerProcess(process, new ControllerApi(new Uri($"http://127.0.0.1:{listenPort.ToString(CultureInfo.InvariantCulture)}"), OperatorToken));
        try
        {
            var deadline = DateTime.UtcNow + limit;
            while (!await controller.Api.AnswersAsync())
            {
                if (process.HasExited || DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException($"the controller (pid {process.Id}) {(process.HasExited ? "exited" : $"did not answer within {limit.TotalSeconds:0} s")}; its output:\n{process.Log()}");
                }

                await Task.Delay(25);
            }

            return controller;
        }
        catch
        {
            await controller.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await Process.DisposeAsync();
    }
}
