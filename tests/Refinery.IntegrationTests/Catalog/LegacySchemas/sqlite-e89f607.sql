CREATE TABLE "access_keys" (
    "AccessKey" TEXT NOT NULL CONSTRAINT "PK_access_keys" PRIMARY KEY,
    "SecretKey" TEXT NOT NULL,
    "ProjectId" TEXT NOT NULL,
    "CreateTime" INTEGER NOT NULL
);


CREATE TABLE "api_tokens" (
    "TokenHash" TEXT NOT NULL CONSTRAINT "PK_api_tokens" PRIMARY KEY,
    "ProjectId" TEXT NOT NULL,
    "CreateTime" INTEGER NOT NULL,
    "ExpiresAt" INTEGER NULL
);


CREATE TABLE "processor_tasks" (
    "TaskId" TEXT NOT NULL CONSTRAINT "PK_processor_tasks" PRIMARY KEY,
    "ProjectId" TEXT NOT NULL,
    "WorkspaceId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Description" TEXT NULL,
    "TemplateId" TEXT NOT NULL,
    "TemplateJson" TEXT NOT NULL,
    "InputsJson" TEXT NOT NULL,
    "UsedDataSource" INTEGER NOT NULL,
    "WorkPathJson" TEXT NULL,
    "DatasetVersionId" TEXT NULL,
    "DatasetVersionName" TEXT NULL,
    "InputKey" TEXT NOT NULL,
    "SourceType" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "CreateTime" INTEGER NOT NULL,
    "VersionCount" INTEGER NOT NULL,
    "LastVersionSequence" INTEGER NOT NULL,
    "LatestVersionId" TEXT NULL,
    "Status" INTEGER NOT NULL,
    "DurationSeconds" INTEGER NOT NULL,
    "ErrorMsg" TEXT NULL,
    "ResultJson" TEXT NULL
);


CREATE TABLE "projects" (
    "ProjectId" TEXT NOT NULL CONSTRAINT "PK_projects" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "CreateTime" INTEGER NOT NULL
);


CREATE TABLE "sample_results" (
    "VersionId" TEXT NOT NULL,
    "SampleId" TEXT NOT NULL,
    "Ordinal" INTEGER NOT NULL,
    "OriginSource" TEXT NOT NULL,
    "NewSource" TEXT NULL,
    "ResultProperty" INTEGER NOT NULL,
    "DescriptionJson" TEXT NOT NULL,
    "ValuesJson" TEXT NULL,
    CONSTRAINT "PK_sample_results" PRIMARY KEY ("VersionId", "SampleId")
);


CREATE TABLE "shards" (
    "VersionId" TEXT NOT NULL,
    "ShardIndex" INTEGER NOT NULL,
    "SampleCount" INTEGER NOT NULL,
    "Done" INTEGER NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "CompletedAt" INTEGER NULL,
    CONSTRAINT "PK_shards" PRIMARY KEY ("VersionId", "ShardIndex")
);


CREATE TABLE "task_versions" (
    "VersionId" TEXT NOT NULL CONSTRAINT "PK_task_versions" PRIMARY KEY,
    "TaskId" TEXT NOT NULL,
    "ProjectId" TEXT NOT NULL,
    "VersionName" TEXT NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "Description" TEXT NULL,
    "TemplateJson" TEXT NOT NULL,
    "InputsJson" TEXT NOT NULL,
    "WorkPathJson" TEXT NULL,
    "Status" INTEGER NOT NULL,
    "CreateTime" INTEGER NOT NULL,
    "UpdateTime" INTEGER NOT NULL,
    "StartTime" INTEGER NULL,
    "EndTime" INTEGER NULL,
    "DurationSeconds" INTEGER NOT NULL,
    "ErrorMsg" TEXT NULL,
    "ResultJson" TEXT NULL,
    "OriginSampleCount" INTEGER NULL,
    "AddSampleCount" INTEGER NULL,
    "DeletedSampleCount" INTEGER NULL,
    "ModifiedSampleCount" INTEGER NULL,
    "UnmodifiedSampleCount" INTEGER NULL,
    "ProcessedSamples" INTEGER NOT NULL,
    "TotalSamples" INTEGER NULL,
    "ShardCount" INTEGER NULL,
    "ReduceEnqueued" INTEGER NOT NULL,
    "HeartbeatAt" INTEGER NULL
);


CREATE INDEX "IX_access_keys_ProjectId" ON "access_keys" ("ProjectId");


CREATE INDEX "IX_api_tokens_ProjectId" ON "api_tokens" ("ProjectId");


CREATE INDEX "IX_processor_tasks_ProjectId_CreateTime" ON "processor_tasks" ("ProjectId", "CreateTime");


CREATE INDEX "IX_processor_tasks_ProjectId_TemplateId_InputKey_CreateTime" ON "processor_tasks" ("ProjectId", "TemplateId", "InputKey", "CreateTime");


CREATE UNIQUE INDEX "IX_processor_tasks_ProjectId_WorkspaceId_Name" ON "processor_tasks" ("ProjectId", "WorkspaceId", "Name");


CREATE INDEX "IX_sample_results_VersionId_Ordinal" ON "sample_results" ("VersionId", "Ordinal");


CREATE INDEX "IX_sample_results_VersionId_ResultProperty_Ordinal" ON "sample_results" ("VersionId", "ResultProperty", "Ordinal");


CREATE INDEX "IX_task_versions_Status" ON "task_versions" ("Status");


CREATE UNIQUE INDEX "IX_task_versions_TaskId_Sequence" ON "task_versions" ("TaskId", "Sequence");


