using System.Net.Http.Headers;
using BenchmarkDotNet.Attributes;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Overholt.Application.Concurrency;
using Overholt.Application.Persistence;
using Overholt.Application.Products;
using Overholt.Application.Products.Queries.GetProduct;
using Overholt.Application.Security;
using Overholt.Domain.Products;
using Overholt.Testing;
using Overholt.Testing.Databases;
using Overholt.Testing.Http;

namespace Overholt.Benchmarks.Pipeline;

/// <summary>
/// One product read, from the inside out: the query alone (built per call, or compiled once), the handler, the mediator
/// pipeline around it, and the whole HTTP request in memory (routing, authentication, MVC, JSON; no sockets). The
/// differences between rows are what each layer costs. The app runs on its embedded SQLite default; the in-memory
/// test server stands in for Kestrel, so compare the two HTTP rows with each other rather than with the socket numbers.
/// </summary>
[MemoryDiagnoser]
public class ProductReadBenchmarks
{
    private readonly SignedInUser _user = new();
    private OverholtApp _app = null!;
    private AsyncServiceScope _scope;
    private IReadRepository<Product> _products = null!;
    private IMediator _mediator = null!;
    private HttpClient _http = null!;
    private int _productId;

    [GlobalSetup]
    public async Task StartAsync()
    {
        _app = new OverholtApp(TestDatabase.CreateSqlite(), services: services => services.AddSingleton<ICurrentUser>(_user));
        await _app.ResetAsync();
        var fruit = await _app.Given.Category("Fruit").SaveAsync();
        _productId = (await _app.Given.Product("Apple").InCategory(fruit).SaveAsync()).Id;
        _user.Id = _app.User.Id;

        _scope = _app.Services.CreateAsyncScope();
        _products = _scope.ServiceProvider.GetRequiredService<IReadRepository<Product>>();
        _mediator = _scope.ServiceProvider.GetRequiredService<IMediator>();
        _http = _app.CreateClient();
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Authentication.LoginAsync(_http, _app.User.Email, _app.User.Password));
    }

    [GlobalCleanup]
    public async Task StopAsync()
    {
        await _scope.DisposeAsync();
        await _app.DisposeAsync();
        await _app.Database.DisposeAsync();
    }

    [Benchmark(Description = "query built per call (specification + ProjectTo)")]
    public Task<Versioned<ProductDto>?> QueryBuiltPerCall() =>
        _products.ProjectToFirstOrDefaultAsync<Versioned<ProductDto>>(new ByIdSpec<Product>(_productId));

    [Benchmark(Baseline = true, Description = "compiled query (ProjectByIdAsync)")]
    public Task<Versioned<ProductDto>?> CompiledQuery() => _products.ProjectByIdAsync<Versioned<ProductDto>>(_productId);

    [Benchmark(Description = "handler")]
    public ValueTask<Versioned<ProductDto>> Handler() => new GetProductHandler(_products).Handle(new GetProduct(_productId), CancellationToken.None);

    [Benchmark(Description = "mediator pipeline + handler")]
    public ValueTask<Versioned<ProductDto>> ThroughThePipeline() => _mediator.Send(new GetProduct(_productId));

    [Benchmark(Description = "HTTP in memory: /alive (the test server and middleware, no controller)")]
    public async Task<string> HealthProbe()
    {
        using var response = await _http.GetAsync("/alive");
        return await response.Content.ReadAsStringAsync();
    }

    [Benchmark(Description = "HTTP in memory: middleware + MVC + pipeline")]
    public async Task<string> WholeRequest()
    {
        using var response = await _http.GetAsync($"/api/products/{_productId}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The request's user without an HTTP request around it (the pipeline reads it through ICurrentUser).</summary>
    private sealed class SignedInUser : ICurrentUser
    {
        public int? Id { get; set; }

        public bool IsAuthenticated => Id is not null;

        public string? Email => null;

        public string Name => "benchmark user";

        public bool IsInRole(string role) => false;
    }
}
