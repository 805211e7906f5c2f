# A worker for APIs with compute.gpu > 0: the CUDA and cuDNN runtime libraries ONNX Runtime's CUDA provider loads.
# Until src/Runtime ships the Microsoft.ML.OnnxRuntime.Gpu package (which holds that provider), this image runs the
# same CPU execution as worker.Dockerfile: it schedules on a GPU node but does not use the GPU yet.
# Build from the repository root:
#   docker build -f deploy/docker/worker-gpu.Dockerfile -t cortexqueue/worker-gpu .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Worker/Worker.csproj -c Release -r linux-x64 --self-contained false -o /app \
 && test -f /app/libonnxruntime.so

# The .NET runtime, taken from Microsoft's image rather than installed by script, so the version matches the build.
FROM mcr.microsoft.com/dotnet/runtime:10.0 AS dotnet

FROM nvidia/cuda:12.8.1-cudnn-runtime-ubuntu24.04
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates libssl3 \
 && rm -rf /var/lib/apt/lists/*
COPY --from=dotnet /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet \
 && groupadd --gid 10001 cortex && useradd --uid 10001 --gid 10001 --create-home cortex \
 && mkdir -p /var/cache/cortex/models && chown 10001:10001 /var/cache/cortex/models
COPY --from=build /app /app
USER 10001:10001
WORKDIR /home/cortex
ENV CORTEX_CONFIG=/etc/cortex/cortex.yaml \
    CORTEX_MODEL_CACHE=/var/cache/cortex/models \
    DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "! grep -q '^State:[[:space:]]*Z' /proc/1/status"]
ENTRYPOINT ["dotnet", "/app/Cortex.Queue.Worker.dll"]
