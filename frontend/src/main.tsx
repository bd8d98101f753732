import React from 'react';
import ReactDOM from 'react-dom/client';
import { ConfigProvider, App as AntApp } from 'antd';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { App } from './App';
import { PageErrorBoundary } from './components/PageErrorBoundary';
import { theme } from './theme';
import './styles.css';

dayjs.locale('vi');

const root = document.getElementById('root');
if (root) {
  ReactDOM.createRoot(root).render(
    <React.StrictMode>
      <ConfigProvider locale={viVN} theme={theme}>
        <AntApp>
          {/* the pages have their own; this one catches the menu, header and dialogs */}
          <PageErrorBoundary wholeWindow>
            <App />
          </PageErrorBoundary>
        </AntApp>
      </ConfigProvider>
    </React.StrictMode>,
  );
}
