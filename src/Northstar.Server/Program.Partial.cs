// Top-level statements make Program internal; tests host the real app with WebApplicationFactory<Program>,
// which needs a public type from this assembly to find the entry point.
public partial class Program;
