using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Runtime;
using Spin.Gateway.Api;

namespace Spin.Gateway.Tests.Api;

public sealed class ApiExceptionHandlerTests
{
    public static TheoryData<Exception> Transient => new()
    {
        new TimeoutException("Response did not arrive on time in 00:00:10"),
        new SiloUnavailableException("The target silo became unavailable"),
        new Orleans.Runtime.Messaging.ConnectionFailedException("Unable to connect to the gateway"),
    };

    [Theory]
    [MemberData(nameof(Transient))]
    public async Task AnswersACallTheClusterCouldNotServeRightNowWith503AndRetryAfter(Exception exception)
    {
        var (status, headers, body) = await HandleAsync(exception);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, status);
        Assert.Equal("1", headers.RetryAfter.ToString());
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Contains("retry", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task AnswersAnyOtherFailureWith500AndNoRetryAfter()
    {
        var (status, headers, body) = await HandleAsync(new InvalidOperationException("a bug"));

        Assert.Equal(StatusCodes.Status500InternalServerError, status);
        Assert.Empty(headers.RetryAfter.ToString());
        Assert.Equal("Internal server error", body.GetProperty("message").GetString());
    }

    private static async Task<(int Status, IHeaderDictionary Headers, JsonElement Body)> HandleAsync(Exception exception)
    {
        var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Path = "/api/events";
        context.Response.Body = new MemoryStream();

        Assert.True(await new ApiExceptionHandler(NullLogger<ApiExceptionHandler>.Instance).TryHandleAsync(context, exception, CancellationToken.None));

        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, context.Response.Headers, (await JsonDocument.ParseAsync(context.Response.Body)).RootElement.Clone());
    }
}
