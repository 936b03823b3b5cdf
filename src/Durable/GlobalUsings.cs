// The programming model is Microsoft's: every file of the engine speaks its types.
global using Microsoft.DurableTask;
global using Microsoft.DurableTask.Client;
