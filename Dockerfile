# syntax=docker/dockerfile:1
# The Wb6Graph API. Build: docker build -t wb6graph-api .   (docker compose up builds it too)
# Stage 1 builds with the .NET SDK plus Node/npm (the GraphQL IDE's and the explorer's assets come from npm at
# build time); stage 2 is the ASP.NET Core runtime alone, running as the image's non-root user.
# global.json asks for SDK 10.0.400 or a later feature band; pass another image with --build-arg SDK_IMAGE=... if needed.
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0

FROM ${SDK_IMAGE} AS build
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null \
 && rm -rf /var/lib/apt/lists/*
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
WORKDIR /src

# Restore first, from the project files alone, so that a code change does not download packages again.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Wb6Graph.Core/Wb6Graph.Core.csproj src/Wb6Graph.Core/
COPY src/Wb6Graph.Api/Wb6Graph.Api.csproj src/Wb6Graph.Api/
RUN dotnet restore src/Wb6Graph.Api/Wb6Graph.Api.csproj

COPY src/Wb6Graph.Api/package.json src/Wb6Graph.Api/package-lock.json src/Wb6Graph.Api/
RUN cd src/Wb6Graph.Api && npm ci --no-audit --no-fund

COPY src/ src/
RUN dotnet publish src/Wb6Graph.Api/Wb6Graph.Api.csproj -c Release -o /app --no-restore

FROM ${RUNTIME_IMAGE} AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY graph-seeds/ ./graph-seeds/
COPY src/Wb6Graph.Api/persisted-documents/ ./persisted-documents/
RUN mkdir -p /var/lib/wb6graph && chown "$APP_UID" /var/lib/wb6graph
ENV ASPNETCORE_HTTP_PORTS=8080 \
    GraphStore__SeedsDirectory=/app/graph-seeds \
    GraphStore__DataDirectory=/var/lib/wb6graph \
    Api__PersistedDocumentsDirectory=/app/persisted-documents
USER $APP_UID
EXPOSE 8080
ENTRYPOINT ["dotnet", "Wb6Graph.Api.dll"]
