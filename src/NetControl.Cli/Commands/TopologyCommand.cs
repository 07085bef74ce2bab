using System.CommandLine;
using System.Globalization;
using NetControl.Cli.Json;
using NetControl.Cli.Output;
using NetControl.Core.Topology;
using NetControl.Formats;
using NetControl.Graph.Analysis;

namespace NetControl.Cli.Commands;

/// <summary><c>netctl topology validate|show FILE</c>.</summary>
internal static class TopologyCommand
{
    public static Command Create(CliConsole console) => new("topology", "Read, check and print topology files")
    {
        Validate(console),
        Show(console),
    };

    private static Command Validate(CliConsole console)
    {
        var file = CommonOptions.TopologyFile();
        var json = CommonOptions.Json();
        var command = new Command("validate", "Load a topology file and report every problem, or a summary and warnings") { file, json };
        command.SetAction(parse =>
        {
            string path = parse.GetRequiredValue(file);
            bool asJson = parse.GetValue(json);
            NetworkTopology topology;
            try
            {
                topology = TopologyFile.Load(path);
            }
            catch (TopologyException e)
            {
                if (asJson)
                {
                    console.Json(new ValidationJson(path, false, null, null, null, [], [.. e.Errors.Select(x => x.ToJson())]), CliJsonContext.Default.ValidationJson);
                }

                foreach (var error in e.Errors)
                {
                    console.Fail(error.ToString());
                }

                return ExitCodes.InputError;
            }

            var report = TopologyAnalysis.Analyze(topology);
            if (asJson)
            {
                console.Json(new ValidationJson(path, true, topology.SourceFormat, topology.Name, report.ToJson(), report.Warnings, []), CliJsonContext.Default.ValidationJson);
                return ExitCodes.Ok;
            }

            TopologyText.Summary(console.Out, path, topology, report);
            foreach (var warning in report.Warnings)
            {
                console.Warning(warning);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(CliConsole console)
    {
        var file = CommonOptions.TopologyFile();
        var json = CommonOptions.Json();
        var command = new Command("show", "Print a topology's nodes, ports, links and SRLGs") { file, json };
        command.SetAction(parse =>
        {
            string path = parse.GetRequiredValue(file);
            var topology = TopologyFile.Load(path);
            if (parse.GetValue(json))
            {
                console.Json(topology.ToJson(), CliJsonContext.Default.TopologyJson);
                return ExitCodes.Ok;
            }

            TopologyText.Summary(console.Out, path, topology, TopologyAnalysis.Analyze(topology));
            TopologyText.Tables(console.Out, topology);
            return ExitCodes.Ok;
        });
        return command;
    }
}
