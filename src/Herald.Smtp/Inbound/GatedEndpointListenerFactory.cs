using System.Net;
using Microsoft.Extensions.Logging;
using SmtpServer;
using SmtpServer.Net;

namespace Herald.Smtp.Inbound;

/// <summary>Creates <see cref="GatedEndpointListener"/>s and reports the bound address (port 0 becomes a real port).</summary>
internal sealed class GatedEndpointListenerFactory(
    BounceListenerOptions options, ConnectionGate gate, TimeProvider time, ILogger logger, Action<long> onClosed) : IEndpointListenerFactory
{
    private readonly TaskCompletionSource<IPEndPoint> _bound = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<IPEndPoint> Bound => _bound.Task;

    public IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
    {
        try
        {
            var listener = new GatedEndpointListener(endpointDefinition.Endpoint, options, gate, time, logger, onClosed);
            _bound.TrySetResult(listener.LocalEndPoint);
            return listener;
        }
        catch (Exception ex)
        {
            _bound.TrySetException(ex);
            throw;
        }
    }
}
