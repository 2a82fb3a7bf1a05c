using Christmas.Admin.Extensions;

var builder = WebApplication.CreateBuilder(AppStartOptions.For(args));
builder.AddChristmasAdmin();

var app = builder.Build();
await app.InitializeDatabaseAsync();
app.UseChristmasAdmin();
app.Run();
