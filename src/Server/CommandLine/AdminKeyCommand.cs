using System.CommandLine;
using TicketFlow.Api.Security;

namespace TicketFlow.Server.CommandLine;

/// <summary>
/// <c>ticketflow admin-key</c>: creates the operator's administrative key and prints it with the hash to configure
/// (<c>Api__Security__AdministratorKeyHash</c>); only the hash is ever configured or stored.
/// </summary>
internal static class AdminKeyCommand
{
    public static Command Create(CommandLineServices services)
    {
        var command = new Command("admin-key", "Create an administrative API key (for registering ENs, staff and keys) and print the hash to configure.");
        command.SetAction(_ =>
        {
            var key = ApiKey.Create();
            services.Output.WriteLine($"key:  {key.Value}");
            services.Output.WriteLine($"hash: {key.Hash()}");
            services.Output.WriteLine("Configure the hash (for example Api__Security__AdministratorKeyHash=<hash>) and send the key as X-Api-Key.");
            return ExitCodes.Success;
        });
        return command;
    }
}
