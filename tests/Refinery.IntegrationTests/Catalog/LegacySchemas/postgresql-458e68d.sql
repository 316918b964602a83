CREATE TABLE access_keys (
    "AccessKey" text NOT NULL,
    "SecretKey" text NOT NULL,
    "ProjectId" text NOT NULL,
    "CreateTime" bigint NOT NULL,
    CONSTRAINT "PK_access_keys" PRIMARY KEY ("AccessKey")
);


CREATE TABLE api_tokens (
    "TokenHash" text NOT NULL,
    "ProjectId" text NOT NULL,
    "CreateTime" bigint NOT NULL,
    "ExpiresAt" bigint,
    CONSTRAINT "PK_api_tokens" PRIMARY KEY ("TokenHash")
);


CREATE TABLE dataset_versions (
    "VersionId" text NOT NULL,
    "DatasetId" text NOT NULL,
    "ProjectId" text NOT NULL,
    "Name" text NOT NULL,
    "Description" text,
    "Status" integer NOT NULL,
    "PreviousVersionId" text,
    "ManifestPath" text NOT NULL,
    "DataPath" text NOT NULL,
    "TotalSampleCount" integer NOT NULL,
    "AnnotatedSampleCount" integer NOT NULL,
    "LabelStatsJson" text,
    "AddSampleCount" integer NOT NULL,
    "DeletedSampleCount" integer NOT NULL,
    "ModifiedSampleCount" integer NOT NULL,
    "ProcessorTaskId" text,
    "ProcessorTaskStatus" integer,
    "DataValidated" boolean NOT NULL,
    "AnalysisStatus" integer NOT NULL,
    "AnalysisTaskId" text,
    "DataAnalysisJson" text,
    "CreateTime" bigint NOT NULL,
    "UpdateTime" bigint NOT NULL,
    CONSTRAINT "PK_dataset_versions" PRIMARY KEY ("VersionId")
);


CREATE TABLE datasets (
    "DatasetId" text NOT NULL,
    "ProjectId" text NOT NULL,
    "WorkspaceId" text NOT NULL,
    "Name" text NOT NULL,
    "Description" text,
    "DatasetType" integer NOT NULL,
    "Status" integer NOT NULL,
    "DataPath" text NOT NULL,
    "WorkPath" text NOT NULL,
    "ImportTaskId" text NOT NULL,
    "ErrorMsg" text,
    "CurrentVersionId" text,
    "CurrentVersionName" text,
    "VersionCount" integer NOT NULL,
    "NextVersionNumber" integer NOT NULL,
    "TotalSampleCount" integer NOT NULL,
    "AnnotatedSampleCount" integer NOT NULL,
    "LabelStatsJson" text,
    "CreateTime" bigint NOT NULL,
    "UpdateTime" bigint NOT NULL,
    CONSTRAINT "PK_datasets" PRIMARY KEY ("DatasetId")
);


CREATE TABLE processor_tasks (
    "TaskId" character varying(19) NOT NULL,
    "ProjectId" text NOT NULL,
    "WorkspaceId" text NOT NULL,
    "Name" text NOT NULL,
    "Description" text,
    "TemplateId" text NOT NULL,
    "TemplateJson" text NOT NULL,
    "InputsJson" text NOT NULL,
    "UsedDataSource" boolean NOT NULL,
    "WorkPathJson" text,
    "DatasetVersionId" text,
    "DatasetVersionName" text,
    "InputKey" text NOT NULL,
    "SourceType" text NOT NULL,
    "Source" text NOT NULL,
    "CreateTime" bigint NOT NULL,
    "VersionCount" integer NOT NULL,
    "LastVersionSequence" integer NOT NULL,
    "LatestVersionId" text,
    "Status" integer NOT NULL,
    "DurationSeconds" integer NOT NULL,
    "StartTime" bigint,
    "ErrorMsg" text,
    "ResultJson" text,
    CONSTRAINT "PK_processor_tasks" PRIMARY KEY ("TaskId")
);


CREATE TABLE projects (
    "ProjectId" character varying(32) NOT NULL,
    "Name" text NOT NULL,
    "CreateTime" bigint NOT NULL,
    CONSTRAINT "PK_projects" PRIMARY KEY ("ProjectId")
);


CREATE TABLE sample_results (
    "VersionId" text NOT NULL,
    "SampleId" text NOT NULL,
    "Ordinal" bigint NOT NULL,
    "AddedIndex" integer NOT NULL,
    "OriginSource" text NOT NULL,
    "NewSource" text,
    "ResultProperty" integer NOT NULL,
    "DescriptionJson" text NOT NULL,
    "ValuesJson" text,
    CONSTRAINT "PK_sample_results" PRIMARY KEY ("VersionId", "SampleId")
);


CREATE TABLE shards (
    "VersionId" text NOT NULL,
    "ShardIndex" integer NOT NULL,
    "SampleCount" integer NOT NULL,
    "ProcessedSamples" integer NOT NULL,
    "Pass" integer NOT NULL,
    "Done" boolean NOT NULL,
    "Attempts" integer NOT NULL,
    "CompletedAt" bigint,
    CONSTRAINT "PK_shards" PRIMARY KEY ("VersionId", "ShardIndex")
);


CREATE TABLE task_versions (
    "VersionId" character varying(19) NOT NULL,
    "TaskId" text NOT NULL,
    "ProjectId" text NOT NULL,
    "VersionName" text NOT NULL,
    "Sequence" integer NOT NULL,
    "Description" text,
    "TemplateJson" text NOT NULL,
    "InputsJson" text NOT NULL,
    "WorkPathJson" text,
    "Status" integer NOT NULL,
    "CreateTime" bigint NOT NULL,
    "UpdateTime" bigint NOT NULL,
    "StartTime" bigint,
    "EndTime" bigint,
    "DurationSeconds" integer NOT NULL,
    "ErrorMsg" text,
    "ResultJson" text,
    "OriginSampleCount" integer,
    "AddSampleCount" integer,
    "DeletedSampleCount" integer,
    "ModifiedSampleCount" integer,
    "UnmodifiedSampleCount" integer,
    "ProcessedSamples" integer NOT NULL,
    "TotalSamples" integer,
    "ShardCount" integer,
    "Pass" integer NOT NULL,
    "ReduceEnqueued" boolean NOT NULL,
    "HeartbeatAt" bigint,
    CONSTRAINT "PK_task_versions" PRIMARY KEY ("VersionId")
);


CREATE TABLE users (
    "UserId" text NOT NULL,
    "Name" text NOT NULL,
    "PasswordHash" text NOT NULL,
    "ProjectId" text NOT NULL,
    "CreateTime" bigint NOT NULL,
    CONSTRAINT "PK_users" PRIMARY KEY ("UserId")
);


CREATE INDEX "IX_access_keys_ProjectId" ON access_keys ("ProjectId");


CREATE INDEX "IX_api_tokens_ProjectId" ON api_tokens ("ProjectId");


CREATE UNIQUE INDEX "IX_dataset_versions_DatasetId_Name" ON dataset_versions ("DatasetId", "Name");


CREATE UNIQUE INDEX "IX_datasets_ProjectId_WorkspaceId_Name" ON datasets ("ProjectId", "WorkspaceId", "Name");


CREATE INDEX "IX_datasets_Status" ON datasets ("Status");


CREATE INDEX "IX_processor_tasks_ProjectId_CreateTime" ON processor_tasks ("ProjectId", "CreateTime");


CREATE INDEX "IX_processor_tasks_ProjectId_TemplateId_InputKey_CreateTime" ON processor_tasks ("ProjectId", "TemplateId", "InputKey", "CreateTime");


CREATE UNIQUE INDEX "IX_processor_tasks_ProjectId_WorkspaceId_Name" ON processor_tasks ("ProjectId", "WorkspaceId", "Name");


CREATE INDEX "IX_sample_results_VersionId_Ordinal_AddedIndex" ON sample_results ("VersionId", "Ordinal", "AddedIndex");


CREATE INDEX "IX_sample_results_VersionId_ResultProperty_Ordinal_AddedIndex" ON sample_results ("VersionId", "ResultProperty", "Ordinal", "AddedIndex");


CREATE INDEX "IX_task_versions_Status" ON task_versions ("Status");


CREATE UNIQUE INDEX "IX_task_versions_TaskId_Sequence" ON task_versions ("TaskId", "Sequence");


CREATE UNIQUE INDEX "IX_users_Name" ON users ("Name");


