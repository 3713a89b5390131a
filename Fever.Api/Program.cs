using Fever.Api.Apis;
using Fever.Api.GraphQL;
using Fever.Api.Http;
using Fever.Api.OpenApi;
using Fever.Api.Snapshot;
using Fever.GraphQL.Http;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddEventSnapshot();
builder.AddClientRateLimiting();
builder.AddResponseCompressionForLargeAnswers();
builder.AddApiDocs();
builder.AddEventsGraphQL();

var app = builder.Build();

app.UseErrorEnvelope();
app.UseResponseCompression();
app.UseRateLimiter();
app.MapApiDocs();
app.MapSearchApi();
app.MapGraphQL();
app.MapDefaultEndpoints();

app.Run();
