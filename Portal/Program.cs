using NutPortal.Web.CommandLine;

return await PortalCommandLine.RunAsync(args);

/// <summary>Entry point type, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
