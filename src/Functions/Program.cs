using Microsoft.Extensions.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using TicketFlow.Functions;

TicketFlowFunctionsApp.Configure(FunctionsApplication.CreateBuilder(args)).Build().Run();
