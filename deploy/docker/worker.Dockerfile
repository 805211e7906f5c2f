# A worker serving one API on CPU. Build from the repository root:
#   docker build -f deploy/docker/worker.Dockerfile -t cortexqueue/worker .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
# A runtime identifier puts ONNX Runtime's native library (libonnxruntime.so) next to the assemblies.
RUN dotnet publish src/Worker/Worker.csproj -c Release -r linux-x64 --self-contained false -o /app \
 && test -f /app/libonnxruntime.so

FROM mcr.microsoft.com/dotnet/runtime:10.0
RUN groupadd --gid 10001 cortex && useradd --uid 10001 --gid 10001 --create-home cortex \
 && mkdir -p /var/cache/cortex/models && chown 10001:10001 /var/cache/cortex/models
COPY --from=build /app /app
USER 10001:10001
WORKDIR /home/cortex
ENV CORTEX_CONFIG=/etc/cortex/cortex.yaml \
    CORTEX_MODEL_CACHE=/var/cache/cortex/models
# The worker has no HTTP port; healthy means its process is running and not a zombie.
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "! grep -q '^State:[[:space:]]*Z' /proc/1/status"]
ENTRYPOINT ["dotnet", "/app/Cortex.Queue.Worker.dll"]
