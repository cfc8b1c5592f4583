import { createRouter, createWebHistory } from 'vue-router'
import Shell from './layout/Shell.vue'
import Home from './views/Home.vue'

export const ENTITIES = ['enterprises', 'units', 'equipment', 'points', 'chemicals', 'catalog']

export const routes = [
  // The large screen runs full-window without the shell.
  { path: '/screen', name: 'screen', component: () => import('./views/ScreenView.vue') },
  {
    path: '/',
    component: Shell,
    children: [
      { path: '', name: 'home', component: Home },
      { path: 'map', name: 'map', component: () => import('./views/MapView.vue') },
      { path: 'modules', name: 'modules', component: () => import('./views/ModuleList.vue') },
      {
        path: `asset/:entity(${ENTITIES.join('|')})/:id(\\d+)?`,
        name: 'asset',
        component: () => import('./views/asset/CrudPage.vue'),
        props: true
      },
      // Any other route: a module's runtime UI part, its info page, or "not found".
      { path: ':pathMatch(.*)*', name: 'module', component: () => import('./views/ModuleHost.vue') }
    ]
  }
]

export const router = createRouter({ history: createWebHistory('/'), routes })
