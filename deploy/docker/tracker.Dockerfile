# The tracker (prediction-served events -> PostgreSQL; monitoring queries on 8889). Build from the repository root:
#   docker build -f deploy/docker/tracker.Dockerfile -t cortexqueue/tracker .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Tracker/Tracker.csproj -c Release -o /app

# The ASP.NET runtime: the tracker answers its health and monitoring endpoints over HTTP.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
# Same uid as the manifests' runAsUser, so runAsNonRoot can be verified by the kubelet.
RUN groupadd --gid 10001 cortex && useradd --uid 10001 --gid 10001 --create-home cortex
COPY --from=build /app /app
USER 10001:10001
WORKDIR /home/cortex
EXPOSE 8889
# No curl in the runtime image: bash's /dev/tcp is enough for one GET.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8889 && printf 'GET /healthz HTTP/1.0\\r\\n\\r\\n' >&3 && head -n1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "/app/Cortex.Queue.Tracker.dll"]
# The program alone binds loopback; a container is reached on its own address.
CMD ["--urls", "http://0.0.0.0:8889"]
