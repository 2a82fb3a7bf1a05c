using Christmas.Admin.Extensions;

var restore = RestoreCommand.From(args);
var builder = WebApplication.CreateBuilder(AppStartOptions.For(restore?.HostArgs ?? args));
builder.AddChristmasAdmin();

var app = builder.Build();
// "restore <file>": a command, not a start; the host is built for its configuration only.
if (restore is not null) return restore.Run(app.Services, Console.Out, Console.Error);
await app.InitializeDatabaseAsync();
app.UseChristmasAdmin();
app.Run();
return 0;
