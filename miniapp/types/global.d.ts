/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.jpg';
declare module '*.svg';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production';
    /** the platform being built, set by `taro build --type` */
    TARO_ENV: 'weapp' | 'h5';
    /** inlined at build time by config/index.ts: the BFF origin, never a secret */
    TARO_APP_API_BASE: string;
    /** optional: rewrites the appid in dist/weapp/project.config.json */
    TARO_APP_ID?: string;
  }
}
