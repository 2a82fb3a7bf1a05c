using Christmas.Admin.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddChristmasAdmin();

var app = builder.Build();
await app.InitializeDatabaseAsync();
app.UseChristmasAdmin();
app.Run();
